import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ROUTES, DEMO_ROWS } from '../../demo/demo-data.mjs';
import { ROOT } from './launch.mjs';

/**
 * The demo's Gmail router (demo/gmail-router.js) with its routes and rows filled in, as
 * `npm start` injects it. The placeholders are filled where the code reads them: the file's
 * lint comment names them too.
 */
export function demoRouterScript() {
  return readFileSync(join(ROOT, 'demo/gmail-router.js'), 'utf8')
    .replace('= __ROUTES__;', () => `= ${JSON.stringify(DEMO_ROUTES)};`)
    .replace('= __ROWS__;', () => `= ${JSON.stringify(DEMO_ROWS)};`);
}
