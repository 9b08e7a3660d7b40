"""Browser tests: the built site in Debian's Chromium (a package, so that its fixtures end
with it: Playwright's event loop must not outlive these tests, or later tests that call
asyncio.run() in this process fail)."""
