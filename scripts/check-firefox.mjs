// npm test runs the Firefox tests; without Firefox it fails here and says how to get it.
import { findFirefox, missingFirefoxMessage } from './lib/firefox.mjs';

const { path, looked } = findFirefox();
if (!path) {
  console.error(missingFirefoxMessage(looked));
  process.exit(1);
}
console.log(`Firefox tests use ${path}`);
