// Where the tests, the demo and the bench find Chromium, and how they launch it. Playwright cannot
// download its own browser here, so it drives Debian's (`apt-get install chromium`), or CHROMIUM_PATH.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
];
