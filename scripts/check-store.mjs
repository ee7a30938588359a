// npm test: the Chrome and Firefox builds checked as their stores check them. The Chrome
// manifest against the Web Store's MV3 rules (no remote code, no relaxed CSP, permissions
// exactly as README lists them, icons at every size); the Firefox build with `web-ext lint`
// (no errors, and each warning one that README explains) and its data-collection statement.
// Runs on the builds in the output folder (npm test builds both first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/launch.mjs';
import { FIREFOX_EXTENSION_DIR } from './lib/firefox.mjs';

const OUT = join(ROOT, process.env.THREADLINE_OUT_DIR ?? '.output');
const CHROME_DIR = join(OUT, 'chrome-mv3');
const ICON_SIZES = ['16', '32', '48', '128'];
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The permissions README's "Permissions, and why" table lists, and its content-script hosts. */
function readmePermissions() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Permissions, and why')[1]?.split('\n## ')[0] ?? '';
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.split('|')[1].trim());
  const permissions = firstCells.filter((cell) => /^`[a-z]+`$/.test(cell));
  const hosts = firstCells
    .filter((cell) => cell.startsWith('content scripts'))
    .flatMap((cell) => cell.match(/https:\/\/[^`]+/g) ?? []);
  return {
    section,
    permissions: permissions.map((cell) => cell.slice(1, -1)).sort(),
    hosts: hosts.sort(),
  };
}

/** Width and height from a PNG's header. */
function pngSize(path) {
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 1, 4) !== 'PNG') return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Checks shared by both stores: what the extension may do and what it loads. */
function checkCommon(where, dir, manifest) {
  const listed = readmePermissions();
  const permissions = [...(manifest.permissions ?? [])].sort();
  if (JSON.stringify(permissions) !== JSON.stringify(listed.permissions))
    fail(
      where,
      `permissions ${permissions.join(', ')}; README lists ${listed.permissions.join(', ')}`,
    );
  for (const key of ['host_permissions', 'optional_permissions'])
    if (manifest[key]?.length) fail(where, `${key} is not empty: ${manifest[key].join(', ')}`);
  // Hosts asked for later (a team's own server) are fine when README says which and why.
  for (const host of manifest.optional_host_permissions ?? [])
    if (!listed.section.includes(`\`${host}\``))
      fail(where, `optional host ${host} is not in README's permissions table`);
  if (manifest.externally_connectable) fail(where, 'externally_connectable lets pages message it');
  const matches = [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches))].sort();
  if (JSON.stringify(matches) !== JSON.stringify(listed.hosts))
    fail(
      where,
      `content scripts match ${matches.join(', ')}; README lists ${listed.hosts.join(', ')}`,
    );

  const csp = manifest.content_security_policy;
  const policies = typeof csp === 'string' ? [csp] : Object.values(csp ?? {});
  for (const policy of policies)
    if (/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval|\*/.test(policy))
      fail(where, `content_security_policy relaxed: ${policy}`);

  for (const size of ICON_SIZES) {
    const icon = manifest.icons?.[size];
    const path = icon && join(dir, icon);
    if (!path || !existsSync(path)) fail(where, `no ${size}×${size} icon`);
    else if (pngSize(path)?.join('x') !== `${size}x${size}`)
      fail(where, `${icon} is not a ${size}×${size} PNG`);
  }

  // Remote code: every script is in the package (no remote <script src>, import() or
  // importScripts of an address).
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file);
    if (file.endsWith('.html')) {
      const html = readFileSync(file, 'utf8');
      for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]*)"/g))
        if (/^(https?:)?\/\//.test(src)) fail(where, `${name} loads remote script ${src}`);
    }
    if (file.endsWith('.js')) {
      const js = readFileSync(file, 'utf8');
      if (/\b(?:importScripts|import)\s*\(\s*["'`](?:https?:)?\/\//.test(js))
        fail(where, `${name} imports code from an address`);
    }
  }
}

/** Web-accessible resources only to the site whose content script uses them (MV3 form). */
function checkWebAccessible(where, manifest) {
  const sites = new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches));
  for (const entry of manifest.web_accessible_resources ?? []) {
    if (typeof entry === 'string') {
      fail(where, `web-accessible ${entry} is open to every site`);
      continue;
    }
    const open = (entry.matches ?? []).filter((match) => !sites.has(match));
    if (!entry.matches?.length || open.length)
      fail(where, `web-accessible ${entry.resources.join(', ')} open beyond its site`);
  }
}

function checkChrome() {
  const where = 'Chrome package';
  const manifest = JSON.parse(readFileSync(join(CHROME_DIR, 'manifest.json'), 'utf8'));
  if (manifest.manifest_version !== 3) fail(where, 'not Manifest V3');
  if (!manifest.background?.service_worker) fail(where, 'no background service worker');
  checkCommon(where, CHROME_DIR, manifest);
  checkWebAccessible(where, manifest);
}

/**
 * web-ext lint warnings that README explains, each recognised by the code around it so that
 * a new one of the same kind (our own innerHTML, say) still fails.
 */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's support for dangerouslySetInnerHTML, which Threadline never uses",
    matches: (around) => around.includes('dangerouslySetInnerHTML') && around.includes('.__html'),
  },
  {
    code: 'DANGEROUS_EVAL',
    why: 'zod checking whether the page allows eval (new Function("")), which it then does not use',
    matches: (around) => around.includes('new Function("")') && around.includes('jitless'),
  },
  {
    code: 'DANGEROUS_EVAL',
    why: "PouchDB's scopeEval, for filter functions given as strings, which Threadline never gives",
    matches: (around) =>
      around.includes('Function.apply(null,') && around.includes('hasOwnProperty'),
  },
];

function lintFirefox(dir) {
  const where = 'Firefox package (web-ext lint)';
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/web-ext'),
    ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  let report;
  try {
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  } catch {
    fail(where, `no report:\n${run.stdout}\n${run.stderr}`);
    return;
  }
  for (const error of report.errors)
    fail(where, `error ${error.code} ${error.file ?? ''}: ${error.message}`);
  const explained = [];
  for (const warning of report.warnings) {
    const text = warning.file ? readFileSync(join(dir, warning.file), 'utf8') : '';
    // Where the warning points, as an offset into the file (minified: a line and a column).
    const before = text.split('\n').slice(0, Math.max(0, (warning.line ?? 0) - 1));
    const at = warning.line
      ? before.reduce((sum, line) => sum + line.length + 1, 0) + (warning.column ?? 0)
      : -1;
    const around = at >= 0 ? text.slice(Math.max(0, at - 400), at + 400) : '';
    const rule = EXPLAINED.find((r) => r.code === warning.code && r.matches(around));
    if (rule) explained.push(`${warning.code} in ${warning.file}: ${rule.why}`);
    else
      fail(where, `unexplained warning ${warning.code} ${warning.file ?? ''}: ${warning.message}`);
  }
  console.log(
    `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
  );
  for (const line of explained) console.log(`  explained: ${line}`);
}

function checkFirefox() {
  const where = 'Firefox package';
  const dir = FIREFOX_EXTENSION_DIR;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id) fail(where, 'no browser_specific_settings.gecko.id');
  const collected = gecko?.data_collection_permissions?.required;
  if (JSON.stringify(collected) !== '["none"]')
    fail(
      where,
      `data_collection_permissions.required should be ["none"], is ${JSON.stringify(collected)}`,
    );
  if (!manifest.background?.scripts?.length) fail(where, 'no background scripts (event page)');
  checkCommon(where, dir, manifest);
  checkWebAccessible(where, manifest);
  lintFirefox(dir);
}

for (const dir of [CHROME_DIR, FIREFOX_EXTENSION_DIR])
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`No build in ${dir}: run npm run build and npm run build:firefox first.`);
    process.exit(1);
  }
checkChrome();
checkFirefox();
if (problems.length) {
  console.error(`Store checks failed:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Store checks passed: Chrome Web Store MV3 manifest rules, Firefox web-ext lint.');
