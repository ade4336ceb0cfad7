// The browser as `ladders build` finds, launches and locks it down, for scripts beside the command
// (the bench prints with exactly these flags; the pictures script renders pages with this browser).
export { findBrowser } from './print/find-browser.js';
export { browserFlags, launchBrowser } from './print/launch-browser.js';
export { lockDownPage } from './print/lock-down-page.js';
