import { existsSync } from 'node:fs';

// Chromium and Chrome for Testing still honour --load-extension; branded Chrome 137+ does not,
// so it is not looked for.
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/opt/google/chrome-for-testing/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
];

/** The browser to drive: CHROMIUM_PATH when set, else the first Chromium found. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { path: existsSync(fromEnv) ? fromEnv : null, looked: [fromEnv] };
  return {
    path: CANDIDATES.find((candidate) => existsSync(candidate)) ?? null,
    looked: CANDIDATES,
  };
}

export function missingChromiumMessage(looked) {
  return [
    'Threadline needs Chromium to load the extension, and found none.',
    `Looked for: ${looked.join(', ')}`,
    '',
    'Install it:   sudo apt-get update && sudo apt-get install -y chromium   (Debian/Ubuntu; CI does this)',
    'Or point at one:   CHROMIUM_PATH=/path/to/chromium npm test',
    '(Chromium or Chrome for Testing; branded Google Chrome 137+ ignores --load-extension.)',
  ].join('\n');
}
