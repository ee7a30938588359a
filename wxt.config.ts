import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions stay minimal: storage (settings), alarms (reminders that survive the worker
// being stopped), notifications (nudges). Content scripts bring their own host matches for
// Gmail and LinkedIn only; the one other host is a team's own server, asked for on joining.
export default defineConfig({
  imports: false,
  // A second build folder lets two builds run side by side (THREADLINE_OUT_DIR=.output-b).
  outDir: process.env.THREADLINE_OUT_DIR ?? '.output',
  // Manifest V3 for Firefox too (WXT's default there is MV2): web-accessible resources limited
  // to their own site, as in Chrome. README, "Firefox", has the evidence.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // A team's own CouchDB server: asked for (that one host only) when the rep joins a team in
    // Settings, and given up when they leave. https anywhere; plain http on this computer only.
    optional_host_permissions: [
      'https://*/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
      'http://[::1]/*',
    ],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_command_toggle_panel__',
      },
    },
    // Firefox 140 (ESR) reads the data-collection statement (Android: 142), grants an MV3
    // add-on's content-script hosts at install (from 127) and has CSS light-dark(). Nothing is
    // collected or sent anywhere, and the statement says so (README, "Firefox").
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'threadline@threadline.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The bench page seeds and times the real database; it ships only in `--mode bench`.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode === 'bench') return;
      const bench = infos.findIndex((info) => info.name === 'bench');
      if (bench >= 0) infos.splice(bench, 1);
    },
  },
  vite: () => ({
    plugins: [preact()],
    // Terser with a few passes packs the content scripts, which every Gmail and LinkedIn page
    // loads, about 4% tighter than esbuild's minifier (npm run bench keeps them under 25 KB gzip).
    build: { sourcemap: false, minify: 'terser', terserOptions: { compress: { passes: 3 } } },
  }),
});
