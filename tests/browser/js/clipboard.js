// The clipboard: `text` given, writes it and returns it; else returns what it holds.
(text) => (text === null ? navigator.clipboard.readText()
                         : navigator.clipboard.writeText(text).then(() => text))
