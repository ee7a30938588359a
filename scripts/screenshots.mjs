// npm run screenshots: the dashboard's queue, board and metrics, in light and dark, on the
// demo pipeline, written to screenshots/ to be looked at.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoRecords } from '../demo/demo-data.mjs';
import { ROOT, launchWithExtension } from './lib/launch.mjs';
import { seedRecords } from './lib/seed.mjs';

const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const out = join(ROOT, 'screenshots');
mkdirSync(out, { recursive: true });

for (const colorScheme of ['light', 'dark']) {
  const ext = await launchWithExtension({ colorScheme, viewport: { width: 1400, height: 900 } });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    for (const [table, rows] of Object.entries(demoRecords())) await seedRecords(page, table, rows);
    await page.reload();
    for (const section of ['queue', 'board', 'metrics']) {
      await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#${section}`);
      const element = page.locator(`#${section}`);
      await element.locator('h2').first().waitFor();
      const file = join(out, `${section}-${colorScheme}.png`);
      await element.screenshot({ path: file });
      console.log(`Wrote ${file}`);
    }
  } finally {
    await ext.close();
  }
}
