// npm run team-admin -- --server https://couch.example.com --database acme-sales \
//   --admin admin --member ayse:secret --member mikko:secret --lead ayse [--remove olli]
// Sets up a team database on a CouchDB 3 server: the database, its members (users with the
// team's role), `_security` (only the team reads and writes it), the design document whose
// rules the server applies to every write, and the team's roster (`roster:team`: every member
// name ever added, those who left as former), which browsers check a pulled deal's owner
// against. The server admin's password is read from COUCH_ADMIN_PASSWORD, never from the
// command line.
import { pathToFileURL } from 'node:url';

/** The team's roles: every member has the first, team leads (who set the pipeline) both. */
export function teamRoles(database) {
  return { member: `${database}-member`, lead: `${database}-lead` };
}

/**
 * The server's rules for the team database (CouchDB runs this JavaScript on every write,
 * replication included). Written in the ES5 CouchDB's engine speaks.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (newDoc._id.indexOf('_design/') === 0) return;
  var roles = userCtx.roles || [];
  // The roster names every member ever added: only the admin kit (a server admin, who alone
  // adds users) writes it, or deletes it, or a member could name anyone an owner.
  if (newDoc._id.indexOf('roster:') === 0 || newDoc.kind === 'roster') {
    if (roles.indexOf('_admin') === -1)
      throw { forbidden: 'only a server admin changes the team roster' };
    if (!newDoc._deleted && newDoc._id !== 'roster:team')
      throw { forbidden: 'the team has one roster' };
  }
  var admins = (secObj && secObj.admins) || {};
  var isLead = roles.indexOf('_admin') !== -1 ||
    (admins.names || []).indexOf(userCtx.name) !== -1 ||
    (admins.roles || []).some(function (role) { return roles.indexOf(role) !== -1; });
  // Threadline never deletes a record (a deletion is a stamp in the record); a deleted
  // revision is a duplicate retired after two browsers' versions were merged.
  if (newDoc._deleted) return;
  var kinds = ['deal', 'contact', 'link', 'touch', 'stage', 'settings', 'objection', 'roster'];
  if (kinds.indexOf(newDoc.kind) === -1) throw { forbidden: 'unknown kind of record' };
  if (newDoc._id.indexOf(newDoc.kind + ':') !== 0 || newDoc._id.length <= newDoc.kind.length + 1)
    throw { forbidden: 'the id does not match the kind' };
  if (typeof newDoc.fields !== 'object' || newDoc.fields === null || Array.isArray(newDoc.fields))
    throw { forbidden: 'a record needs its fields' };
  if (newDoc.kind === 'settings' && newDoc._id !== 'settings:team')
    throw { forbidden: 'the team has one settings record' };
  function values(doc) {
    var out = {};
    Object.keys(doc.fields).sort().forEach(function (name) {
      out[name] = doc.fields[name] && doc.fields[name].v;
    });
    return JSON.stringify(out);
  }
  if (newDoc.kind === 'settings' && oldDoc && !oldDoc._deleted && !isLead &&
      values(newDoc) !== values(oldDoc))
    throw { forbidden: 'only a team lead changes the team settings' };
  // A new deal is its writer's (a lead may bring in deals naming their owners, as a CSV
  // import does); handing a deal over later is an edit like any other.
  var owner = newDoc.kind === 'deal' && newDoc.fields.owner && newDoc.fields.owner.v;
  if (owner && owner !== userCtx.name && (!oldDoc || oldDoc._deleted) && !isLead)
    throw { forbidden: 'a new deal belongs to the member who writes it' };
  if (newDoc.kind === 'touch' && oldDoc && !oldDoc._deleted) {
    var fixed = ['dealId', 'channel', 'direction', 'at', 'sourceKey'];
    for (var i = 0; i < fixed.length; i++) {
      var before = oldDoc.fields[fixed[i]], after = newDoc.fields[fixed[i]];
      if (JSON.stringify(before && before.v) !== JSON.stringify(after && after.v))
        throw { forbidden: 'a recorded touch never changes' };
    }
  }
}`;

async function call(server, auth, method, path, body) {
  const response = await fetch(`${server}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${auth.name}:${auth.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok && !(method === 'PUT' && response.status === 412))
    throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Puts a document, over its current revision when there is one. */
async function upsert(server, auth, path, doc) {
  const current = await call(server, auth, 'GET', path).catch(() => null);
  await call(server, auth, 'PUT', path, current?._rev ? { ...doc, _rev: current._rev } : doc);
}

/** The roster's document id in the team database. */
export const ROSTER_ID = 'roster:team';

/**
 * The roster after a run: every name it had, every member the server gives the team's role,
 * every member added now; those taken out now are former members (still listed, so their
 * deals stay the team's), and a former member added again is a member again.
 */
export function nextRoster(current, { added, removed, holders }) {
  const members = new Set([...(current?.members ?? []), ...holders, ...added, ...removed]);
  const former = new Set([...(current?.former ?? []), ...removed]);
  for (const name of added) former.delete(name);
  return { members: [...members].sort(), former: [...former].sort() };
}

/** The users the server gives a role: the members added before the team had a roster. */
async function roleHolders(server, admin, role) {
  const { rows } = await call(server, admin, 'GET', '/_users/_all_docs?include_docs=true');
  return rows.flatMap(({ doc }) =>
    doc?.type === 'user' && (doc.roles ?? []).includes(role) ? [doc.name] : [],
  );
}

/** Writes the roster in the shape of every team document (a kind, stamped fields). */
async function updateRoster(server, admin, db, change) {
  const path = `${db}/${encodeURIComponent(ROSTER_ID)}`;
  const current = await call(server, admin, 'GET', path).catch(() => null);
  const had = current && {
    members: current.fields?.members?.v ?? [],
    former: current.fields?.former?.v ?? [],
  };
  const next = nextRoster(had, change);
  if (JSON.stringify(had) === JSON.stringify(next)) return next;
  const stamp = { at: Date.now(), by: 'team-admin' };
  await call(server, admin, 'PUT', path, {
    ...(current?._rev ? { _rev: current._rev } : {}),
    kind: 'roster',
    fields: { members: { v: next.members, ...stamp }, former: { v: next.former, ...stamp } },
    deleted: null,
  });
  return next;
}

/** Takes a member out of the team: their user loses the team's roles (and so its database). */
async function takeOutOfTeam(server, admin, name, roles) {
  const path = `/_users/org.couchdb.user:${encodeURIComponent(name)}`;
  const user = await call(server, admin, 'GET', path).catch(() => null);
  if (!user) return;
  const kept = (user.roles ?? []).filter((role) => role !== roles.member && role !== roles.lead);
  await call(server, admin, 'PUT', path, { ...user, roles: kept });
}

/**
 * Creates (or brings up to date) a team database. `members`: [{ name, password, lead }];
 * `removed`: names taken out of the team. Returns what was set up, for the caller to print.
 */
export async function setUpTeam({ server, admin, database, members, removed = [] }) {
  const roles = teamRoles(database);
  const db = `/${encodeURIComponent(database)}`;
  await call(server, admin, 'PUT', db); // 412 when it exists already: kept as is
  // The rules first: they know the roster. Then the roster, before any new member can write.
  await upsert(server, admin, `${db}/_design/threadline`, {
    validate_doc_update: VALIDATE_DOC_UPDATE,
  });
  await call(server, admin, 'PUT', `${db}/_security`, {
    admins: { names: [], roles: [roles.lead] },
    members: { names: [], roles: [roles.member, roles.lead] },
  });
  const holders = await roleHolders(server, admin, roles.member);
  const roster = await updateRoster(server, admin, db, {
    added: members.map(({ name }) => name),
    removed,
    holders,
  });
  for (const member of members) {
    await upsert(server, admin, `/_users/org.couchdb.user:${encodeURIComponent(member.name)}`, {
      name: member.name,
      password: member.password,
      roles: member.lead ? [roles.member, roles.lead] : [roles.member],
      type: 'user',
    });
  }
  for (const name of removed) await takeOutOfTeam(server, admin, name, roles);
  return {
    database,
    roles,
    members: members.map(({ name, lead }) => ({ name, lead: !!lead })),
    roster,
  };
}

function parseArgs(argv) {
  const options = { members: [], leads: [], removed: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--server') options.server = value.replace(/\/+$/, '');
    else if (flag === '--database') options.database = value;
    else if (flag === '--admin') options.adminName = value;
    else if (flag === '--member') options.members.push(value);
    else if (flag === '--lead') options.leads.push(value);
    else if (flag === '--remove') options.removed.push(value);
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!options.server || !options.database || !options.adminName)
    throw new Error(
      'Give --server, --database and --admin (and --member name:password …, --remove name …)',
    );
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const password = process.env.COUCH_ADMIN_PASSWORD;
  if (!password) throw new Error('Set COUCH_ADMIN_PASSWORD to the server admin’s password');
  const members = options.members.map((entry) => {
    const at = entry.indexOf(':');
    if (at <= 0) throw new Error(`--member ${entry}: give name:password`);
    const name = entry.slice(0, at);
    return { name, password: entry.slice(at + 1), lead: options.leads.includes(name) };
  });
  const done = await setUpTeam({
    server: options.server,
    admin: { name: options.adminName, password },
    database: options.database,
    members,
    removed: options.removed,
  });
  console.log(`Team database ${done.database} is ready for:`);
  for (const m of done.members) console.log(`  ${m.name}${m.lead ? ' (team lead)' : ''}`);
  const former = new Set(done.roster.former);
  console.log(`Its roster: ${done.roster.members.filter((name) => !former.has(name)).join(', ')}`);
  if (former.size > 0) console.log(`Former members (their deals stay): ${[...former].join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
