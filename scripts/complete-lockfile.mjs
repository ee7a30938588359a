// The registry this project installs from serves rollup's native package only for the
// platforms it builds on, so `npm install` leaves the other platforms' optional entries out
// of the lockfile and `npm ci` then refuses it. This adds those entries back (os/cpu only,
// never installed here), as npm would write them. Run it after changing dependencies.
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const rollup = lock.packages['node_modules/rollup'];
let added = 0;
for (const [name, version] of Object.entries(rollup.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const parts = name.replace('@rollup/rollup-', '').split('-');
  const os = parts[0];
  const cpuRaw = parts[1];
  const cpu = cpuRaw === 'arm' ? 'arm' : cpuRaw;
  const entry = { version, cpu: [cpu], dev: true, license: 'MIT', optional: true, os: [os] };
  if (parts[2]?.includes('musl')) entry.libc = ['musl'];
  else if (parts[2]?.startsWith('gnu') && os === 'linux') entry.libc = ['glibc'];
  lock.packages[key] = entry;
  added++;
}
// keep keys sorted like npm does
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
lock.packages = sorted;
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
