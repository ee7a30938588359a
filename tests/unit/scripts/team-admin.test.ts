import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../scripts/team-admin.mjs';
import { startCouchServer, type CouchServer } from '../../e2e/couch-server';

const ADMIN = { name: 'root', password: 'root-secret' };

/** A write as a member: signed in with CouchDB's cookie session, as Threadline does. */
async function asMember(server: CouchServer, name: string, password: string) {
  const session = await fetch(`${server.url}/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/acme-sales/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
}

/** A request as the server's admin, as the admin kit makes them. */
async function asAdmin(server: CouchServer, method: string, path: string, body?: unknown) {
  const url = path.startsWith('/') ? `${server.url}${path}` : `${server.url}/acme-sales/${path}`;
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const stamped = (values: Record<string, unknown>) => ({
  fields: Object.fromEntries(
    Object.entries(values).map(([name, v]) => [name, { v, at: 1, by: 'laptop' }]),
  ),
  deleted: null,
});

describe('the team admin kit, against a CouchDB-compatible server', () => {
  let server: CouchServer;
  let ayse: Awaited<ReturnType<typeof asMember>>;
  let mikko: Awaited<ReturnType<typeof asMember>>;

  beforeAll(async () => {
    server = await startCouchServer();
    await server.addAdmin(ADMIN.name, ADMIN.password);
    await setUpTeam({
      server: server.url,
      admin: ADMIN,
      database: 'acme-sales',
      members: [
        { name: 'ayse', password: 'a-secret', lead: true },
        { name: 'mikko', password: 'm-secret' },
      ],
    });
    ayse = await asMember(server, 'ayse', 'a-secret');
    mikko = await asMember(server, 'mikko', 'm-secret');
  });
  afterAll(() => server?.close());

  it('lets members write records whose id matches their kind, and nothing else', async () => {
    expect(
      (await mikko('PUT', 'deal:d1', { kind: 'deal', ...stamped({ title: 'A' }) })).status,
    ).toBe(201);
    const objection = { kind: 'objection', ...stamped({ dealId: 'd1', kind: 'price' }) };
    expect((await mikko('PUT', 'objection:o1', objection)).status).toBe(201);
    const wrongId = await mikko('PUT', 'contact:c1', { kind: 'deal', ...stamped({ title: 'B' }) });
    expect(wrongId).toMatchObject({
      status: 403,
      body: { reason: 'the id does not match the kind' },
    });
    const unknown = await mikko('PUT', 'note:n1', { kind: 'note', ...stamped({}) });
    expect(unknown.status).toBe(403);
  });

  it('gives a new deal to the member who writes it; handing it over later is theirs to do', async () => {
    const forAyse = await mikko('PUT', 'deal:d2', {
      kind: 'deal',
      ...stamped({ title: 'Not mine to give', owner: 'ayse' }),
    });
    expect(forAyse).toMatchObject({
      status: 403,
      body: { reason: 'a new deal belongs to the member who writes it' },
    });
    const own = await mikko('PUT', 'deal:d2', {
      kind: 'deal',
      ...stamped({ title: 'Mine', owner: 'mikko' }),
    });
    expect(own.status).toBe(201);
    const handedOver = await mikko('PUT', 'deal:d2', {
      kind: 'deal',
      ...stamped({ title: 'Mine', owner: 'ayse' }),
      _rev: own.body.rev,
    });
    expect(handedOver.status).toBe(201);
    // A lead brings in the team's deals with their owners.
    const imported = await ayse('PUT', 'deal:d3', {
      kind: 'deal',
      ...stamped({ title: 'From the old CRM', owner: 'mikko' }),
    });
    expect(imported.status).toBe(201);
  });

  it('keeps a recorded touch as it was', async () => {
    const touch = { kind: 'touch', ...stamped({ dealId: 'd1', at: 5, channel: 'email' }) };
    const created = await mikko('PUT', 'touch:gmail:msg-f:1', touch);
    expect(created.status).toBe(201);
    const moved = await mikko('PUT', 'touch:gmail:msg-f:1', {
      ...touch,
      ...stamped({ dealId: 'd2', at: 5, channel: 'email' }),
      kind: 'touch',
      _rev: created.body.rev,
    });
    expect(moved).toMatchObject({
      status: 403,
      body: { reason: 'a recorded touch never changes' },
    });
  });

  it('lets only a team lead change the team settings', async () => {
    const first = await ayse('PUT', 'settings:team', {
      kind: 'settings',
      ...stamped({ currency: 'EUR' }),
    });
    expect(first.status).toBe(201);
    const change = { kind: 'settings', ...stamped({ currency: 'TRY' }), _rev: first.body.rev };
    expect((await mikko('PUT', 'settings:team', change)).status).toBe(403);
    expect((await ayse('PUT', 'settings:team', change)).status).toBe(201);
  });

  it('writes the team’s roster, which only a server admin changes or deletes', async () => {
    const roster = await ayse('GET', 'roster:team');
    expect(roster.body).toMatchObject({
      kind: 'roster',
      fields: { members: { v: ['ayse', 'mikko'] }, former: { v: [] } },
    });
    const widened = {
      ...roster.body,
      fields: { ...stamped({ members: ['ayse', 'mikko', 'mallory'], former: [] }).fields },
    };
    // A team lead is no server admin: no member names a new member.
    for (const member of [ayse, mikko]) {
      expect(await member('PUT', 'roster:team', widened)).toMatchObject({
        status: 403,
        body: { reason: 'only a server admin changes the team roster' },
      });
      const gone = await member('DELETE', `roster:team?rev=${roster.body._rev}`);
      expect(gone.status).toBe(403);
    }
    const second = await mikko('PUT', 'roster:team2', { kind: 'roster', ...stamped({}) });
    expect(second.status).toBe(403);
    expect((await asAdmin(server, 'PUT', 'roster:team', widened)).status).toBe(201);
  });

  it('adds a new member to the roster before they can write, and keeps one who left', async () => {
    // A member given the team's role by hand, before the team had a roster, is found too.
    await asAdmin(server, 'PUT', '/_users/org.couchdb.user:olli', {
      name: 'olli',
      password: 'o-secret',
      roles: ['acme-sales-member'],
      type: 'user',
    });
    const done = await setUpTeam({
      server: server.url,
      admin: ADMIN,
      database: 'acme-sales',
      members: [{ name: 'aino', password: 'n-secret' }],
      removed: ['mikko'],
    });
    expect(done.roster).toEqual({
      members: ['aino', 'ayse', 'mallory', 'mikko', 'olli'],
      former: ['mikko'],
    });
    const roster = await ayse('GET', 'roster:team');
    expect(roster.body).toMatchObject({ fields: { former: { v: ['mikko'] } } });
    // Mikko is out: his session no longer opens the team database; his deals stay listed.
    const outside = await asMember(server, 'mikko', 'm-secret');
    expect((await outside('GET', '_all_docs')).status).toBe(401);
    expect((await ayse('GET', 'deal:d2')).status).toBe(200);
    // Added again, he is a member again.
    const back = await setUpTeam({
      server: server.url,
      admin: ADMIN,
      database: 'acme-sales',
      members: [{ name: 'mikko', password: 'm-secret' }],
    });
    expect(back.roster.former).toEqual([]);
  });

  it('keeps everyone else out of the team database', async () => {
    await server.addUser('mallory', 'x');
    const outsider = await asMember(server, 'mallory', 'x');
    expect((await outsider('GET', '_all_docs')).status).toBe(401);
  });
});
