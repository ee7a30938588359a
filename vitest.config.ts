import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const DOM_TESTS = [
  'tests/unit/sites/**/*.test.{ts,tsx}',
  'tests/unit/components/**/*.test.{ts,tsx}',
  // dexie-export-import's importer, which our backups must stay readable by, reads Blobs with
  // the browser's FileReader.
  'tests/unit/storage/backup.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        // Rules, storage and the protocol need no DOM: they run in Node, as fast as it goes.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: DOM_TESTS,
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        // Page readers and components, on saved pages and rendered markup.
        plugins: [WxtVitest()],
        test: {
          name: 'unit-dom',
          environment: 'happy-dom',
          include: DOM_TESTS,
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each file launches its own browser with its own profile and fixture server, and its
          // tests mostly wait on pages: two files at once (npm test passes --maxWorkers=2) take
          // about 40% less time than one after another, even on two cores.
        },
      },
      {
        test: {
          // The same product in Firefox ESR, driven over WebDriver BiDi (tests/firefox/harness.ts).
          name: 'firefox',
          environment: 'node',
          include: ['tests/firefox/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
