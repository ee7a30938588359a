import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions stay minimal: storage (settings), alarms (reminders that survive the worker
// being stopped), notifications (nudges). Content scripts bring their own host matches for
// Gmail and LinkedIn only; there are no other host permissions and no network access.
export default defineConfig({
  imports: false,
  // A second build folder lets two builds run side by side (THREADLINE_OUT_DIR=.output-b).
  outDir: process.env.THREADLINE_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_command_toggle_panel__',
      },
    },
    // Firefox 120 is the first with CSS light-dark(), which the style sheets' one palette uses.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'threadline@threadline.app', strict_min_version: '120.0' },
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
