// Whether the axe-core run started by axe_start.js has finished.
() => window.__axeResult !== null && window.__axeResult !== undefined
