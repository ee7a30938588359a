// What a content script pulls in at run time, however many imports away: type-only imports
// are left out (they vanish when compiled), so a chain of `import type` is fine and a chain of
// runtime imports that ends in the database, Dexie or zod is not. Gmail and LinkedIn load
// content scripts on every page, so each of these would cost the rep on every page too. The
// dashboard and the popup are followed the same way to the writes only the worker makes.
const base = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'content-scripts-never-reach-storage',
      comment:
        'A content script reaches storage/, Dexie or zod through runtime imports: ask the worker through messaging/client.ts, and import storage types with `import type`.',
      severity: 'error',
      from: { path: '^entrypoints/[^/]+[.]content/' },
      to: {
        path: ['^storage/', 'node_modules/(dexie|zod|dexie-export-import)/'],
        reachable: true,
      },
    },
    {
      name: 'pages-never-reach-the-file-writes',
      comment:
        'The dashboard or the popup reaches the restore or the CSV import write through runtime imports, however deep: the worker writes them (background/file-import.ts), the page sends the file over messaging/file-client.ts.',
      severity: 'error',
      from: { path: '^entrypoints/(dashboard|popup)/' },
      to: { path: '^storage/(restore|csv-import)[.]ts$', reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false, doNotFollow: { path: 'node_modules' } },
};
