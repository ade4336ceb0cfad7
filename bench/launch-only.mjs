// Usage: node launch-only.mjs <browser executable>
// Start the browser the way the project does and close it again: the least any PDF costs, as a process.
import { launch } from 'puppeteer-core';
import { browserFlags } from '../dist/browser.js';

const browser = await launch({ executablePath: process.argv[2], args: [...browserFlags], headless: true, pipe: true });
await (await browser.newPage()).close();
await browser.close();
