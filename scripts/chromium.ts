/**
 * How every tool here launches Chromium: Debian's build (no browser downloads are possible on our
 * machines), headless, with the background traffic that the closed network would refuse turned off.
 * Used by the browser tests, the benchmark and the screenshot script.
 */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
