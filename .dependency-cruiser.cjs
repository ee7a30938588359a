/**
 * The layer rules (ARCHITECTURE.md), checked by `npm run test:layers` (part of `npm test`).
 * A violation prints the rule, the importing file and the imported one, and fails the run.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const CONTENT_SCRIPTS = '^entrypoints/[^/]+[.]content/';
/** Where the database may be opened: the worker and the extension's own pages. */
const DATABASE_OWNERS =
  '^(storage|background|entrypoints/(background[.]ts|dashboard|popup|bench)|components/dashboard|tests|scripts)/|^entrypoints/background[.]ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds plain functions of plain data: no browser, storage, sites, components, messaging or i18n.',
      severity: 'error',
      from: { path: '^domain/' },
      to: {
        path: [
          '^(storage|sites|components|messaging|background|entrypoints|i18n)/',
          'node_modules/(dexie|wxt|webextension-polyfill|preact|@types/chrome)/',
        ],
      },
    },
    {
      name: 'sites-never-import-storage',
      comment: 'Site adapters read pages; they know nothing of the database.',
      severity: 'error',
      from: { path: '^sites/' },
      to: { path: ['^storage/', 'node_modules/dexie'] },
    },
    {
      name: 'content-scripts-no-storage-at-runtime',
      comment:
        'A content script runs in the host page: it asks the background, never opens the database. Type-only imports are fine.',
      severity: 'error',
      from: { path: CONTENT_SCRIPTS },
      to: { path: ['^storage/', 'node_modules/dexie'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'components-never-read-host-pages',
      comment:
        'Reading Gmail or LinkedIn (DOM, theme, selectors) belongs to sites/; components get what they show as props.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(sites|entrypoints)/' },
    },
    {
      name: 'only-background-and-pages-open-the-database',
      comment: 'storage/db.ts and Dexie are for the worker and the extension pages only.',
      severity: 'error',
      from: { pathNot: DATABASE_OWNERS },
      to: { path: ['^storage/db[.]ts$', 'node_modules/dexie/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'messaging-is-the-protocol-only',
      comment:
        'messaging/ is the protocol, the client and the sender check: no UI, no worker code, no Dexie (the router lives in background/).',
      severity: 'error',
      from: { path: '^messaging/' },
      to: {
        path: [
          '^(components|background|entrypoints|sites)/',
          '^storage/db[.]ts$',
          'node_modules/dexie/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'background-imports-no-ui',
      comment: 'The worker renders nothing: i18n lives in i18n/, not components/.',
      severity: 'error',
      from: { path: '^background/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'pages-never-restore-or-import-themselves',
      comment:
        'Restoring a backup and importing a CSV are written by the worker: the page hands it the file over the file port (messaging/file-client.ts). The write modules stay out of the pages.',
      severity: 'error',
      from: { path: '^(components|entrypoints/(dashboard|popup))/' },
      to: {
        path: '^storage/(restore|csv-import)[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'components-never-import-the-worker',
      comment:
        'Pages write through the typed requests and read storage; they never call worker code.',
      severity: 'error',
      from: { path: '^(components|i18n)/' },
      to: { path: '^background/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|[.]output|[.]wxt)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
    },
  },
};
