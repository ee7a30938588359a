// LinkedIn: pushState to another profile → panel shows the person's linked deal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../lib/launch.mjs';
import { measurePanelNavigation, measureWithoutExtension } from './panel-navigation.mjs';

/** Pages opened after the worker was stopped, past the timed ones. */
const COLD_RUNS = 10;

const SLUG = 'leena-makinen-5a1b2c';

export async function measureLinkedInNavigation(navigations = 50) {
  const template = readFileSync(join(FIXTURES_DIR, 'linkedin/profile-2026.html'), 'utf8');
  // Profile n: the saved 2026-layout profile under its own address, with a deal linked to it.
  const targets = Array.from({ length: 3 + navigations + COLD_RUNS }, (_, n) => {
    const slug = `bench-person-${n}`;
    return {
      to: { path: `/in/${slug}/` },
      html: template.replaceAll(SLUG, slug),
      title: `Bench prospect ${n}`,
      link: { kind: 'linkedin-profile', externalId: slug, label: `Bench prospect ${n}` },
    };
  });
  const options = {
    startUrl: 'https://www.linkedin.com/feed/',
    pages: { 'https://www.linkedin.com/feed/': 'smoke/blank.html' },
    targets,
    script: 'content-scripts/linkedin.js',
  };
  const result = await measurePanelNavigation({ ...options, coldRuns: COLD_RUNS });
  // The same navigations (the timed ones) in a browser without the extension.
  const withoutExtension = await measureWithoutExtension({
    ...options,
    targets: targets.slice(3, 3 + navigations),
  });
  return { ...result, withoutExtension };
}
