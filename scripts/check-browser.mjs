// npm test runs the browser tests; without a browser it fails here and says how to get one.
import { findChromium, missingChromiumMessage } from './lib/chromium.mjs';

const { path, looked } = findChromium();
if (!path) {
  console.error(missingChromiumMessage(looked));
  process.exit(1);
}
console.log(`Browser tests use ${path}`);
