import { findBrowser } from '../../src/print/find-browser.js';

/** Find (and on a fresh machine, unpack) the browser once, before test files race to do it in parallel. */
export default async function setup(): Promise<void> {
  await findBrowser({});
}
