// The browser as `ladders build` finds, launches and locks it down, for scripts beside the command
// (the bench prints with exactly these flags; the pictures script renders pages with this browser).
// Built as dist/browser.js, which those scripts import; the modules it gathers live in browser/.
export { findBrowser } from './browser/find-browser.js';
export { browserFlags, launchBrowser } from './browser/launch-browser.js';
export { lockDownPage } from './browser/lock-down-page.js';
