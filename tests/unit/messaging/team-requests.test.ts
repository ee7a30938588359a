import { describe, expect, it } from 'vitest';
import { handleMessage, type RouterOptions } from '../../../background/router';
import type { TeamSync } from '../../../background/sync/team';
import { hostPermissionOf, teamJoinInput } from '../../../messaging/team-sync';
import { testStore } from '../storage/test-store';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;

function options(joined: unknown[]): RouterOptions {
  const status = { team: null, running: false, lastSyncAt: null, pending: 0, error: null };
  const team = {
    join: async (input: unknown) => {
      joined.push(input);
      return { ...status, setAside: [], notices: [] };
    },
    status: async () => ({ ...status, setAside: [], notices: [] }),
  } as unknown as TeamSync;
  return {
    ctx: testStore(),
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    version: '1',
    openDashboard: async () => {},
    openDeal: async () => {},
    loadCatalog: async () => ({}) as never,
    team,
  };
}

const join = {
  type: 'team.join',
  input: { server: 'https://couch.example.com/', database: 'acme', name: 'ayse', password: 'x' },
};

describe('team requests', () => {
  it('come only from Threadline’s own pages, never from a content script on Gmail', async () => {
    const joined: unknown[] = [];
    const opts = options(joined);
    const fromGmail = { id: OWN_ID, url: 'https://mail.google.com/mail/u/0/' };
    const refused = await handleMessage(join, fromGmail, opts);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(joined).toEqual([]);
    const fromSettings = { id: OWN_ID, url: `${OWN_ORIGIN}/dashboard.html#settings` };
    expect(await handleMessage(join, fromSettings, opts)).toMatchObject({ ok: true });
    expect(joined).toEqual([{ ...join.input, server: 'https://couch.example.com' }]);
  });

  it('accept https anywhere and plain http only on this computer', () => {
    const parse = (server: string) => teamJoinInput.safeParse({ ...join.input, server }).success;
    expect(parse('https://couch.example.com')).toBe(true);
    expect(parse('http://127.0.0.1:5984')).toBe(true);
    expect(parse('http://localhost:5984/')).toBe(true);
    expect(parse('http://couch.example.com')).toBe(false);
    expect(parse('https://ayse:secret@couch.example.com')).toBe(false);
    expect(parse('ftp://couch.example.com')).toBe(false);
  });

  it('ask the browser for that one host only', () => {
    expect(hostPermissionOf('https://couch.example.com:6984/teams')).toBe(
      'https://couch.example.com/*',
    );
  });
});
