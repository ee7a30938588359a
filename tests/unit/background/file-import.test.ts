import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeMessage, type FileArrival } from '../../../background/file-arrival';
import { fromOwnPage, serveFilePort } from '../../../background/file-import';
import { sendFile } from '../../../messaging/file-client';
import { chunksOf, type PageFileMessage } from '../../../messaging/file-port';
import { exportBackup } from '../../../storage/backup';
import { createDeal } from '../../../storage/deals';
import { portPair, routeFilePortTo } from '../components/route-file-port';
import { DASHBOARD, OWN_ID, OWN_ORIGIN } from '../messaging/router-options';
import { testStore } from '../storage/test-store';

async function everything(ctx: ReturnType<typeof testStore>) {
  return Promise.all(ctx.db.tables.map((table) => table.toArray()));
}

/** Lets the in-memory port deliver what is on its way. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A store with one deal, its backup, and then a second deal the backup does not have. */
async function backedUp() {
  const ctx = testStore();
  await createDeal(ctx, { title: 'Acme: 40 seats', newContacts: [{ name: 'Aino' }] });
  const backup = await (await exportBackup(ctx)).text();
  const inBackup = await everything(ctx);
  await createDeal(ctx, { title: 'Made after the backup' });
  return { ctx, backup, inBackup };
}

/** The worker's end of a port over `ctx`, and the page's end with what it hears. */
function workerOver(ctx: ReturnType<typeof testStore>) {
  const { page, worker } = portPair('threadline-file');
  serveFilePort(worker, ctx);
  const heard: unknown[] = [];
  let closed = false;
  page.onMessage.addListener((message) => heard.push(message));
  page.onDisconnect.addListener(() => (closed = true));
  const post = (message: PageFileMessage) => page.postMessage(message);
  return { page, heard, post, closed: () => closed };
}

describe('a file handed to the worker in chunks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('cuts a file in chunks that join back to it, never between the halves of an emoji', () => {
    const text = 'Mäkinen 😀 Yılmaz 👩‍💼 ' + 'x'.repeat(40);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks = chunksOf(text, size);
      expect(chunks.join(''), `size ${size}`).toBe(text);
      // Each chunk survives the trip as UTF-8, as the browser carries messages.
      for (const chunk of chunks) expect(Buffer.from(chunk).toString()).toBe(chunk);
      expect(chunks.every((chunk) => chunk.length <= Math.max(size, 2))).toBe(true);
    }
    expect(chunksOf('')).toEqual([]);
  });

  it('puts chunks together in order and refuses them out of order, too long or short', () => {
    const start: PageFileMessage = { type: 'start', file: { kind: 'backup' }, chars: 6 };
    let arrival: FileArrival | null = takeMessage(null, start).arrival;
    for (const [index, text] of ['abc', 'def'].entries())
      arrival = takeMessage(arrival, { type: 'chunk', index, text }).arrival;
    expect(takeMessage(arrival, { type: 'end' }).step).toEqual({
      kind: 'complete',
      file: { kind: 'backup' },
      text: 'abcdef',
    });

    const started = takeMessage(null, start).arrival;
    const refused = (taken: ReturnType<typeof takeMessage>) => taken.step.kind === 'refused';
    expect(refused(takeMessage(started, { type: 'chunk', index: 1, text: 'abc' }))).toBe(true);
    expect(refused(takeMessage(started, { type: 'chunk', index: 0, text: 'abcdefg' }))).toBe(true);
    expect(refused(takeMessage(started, { type: 'end' }))).toBe(true);
    expect(refused(takeMessage(started, start))).toBe(true);
    expect(refused(takeMessage(null, { type: 'chunk', index: 0, text: 'abc' }))).toBe(true);
    expect(refused(takeMessage(null, { type: 'end' }))).toBe(true);
    expect(takeMessage(started, { type: 'still-here' })).toEqual({
      arrival: started,
      step: { kind: 'nothing' },
    });
  });

  it('restores a backup sent in many chunks, acknowledging each', async () => {
    const { ctx, backup, inBackup } = await backedUp();
    const worker = workerOver(ctx);
    const chunks = chunksOf(backup, 500);
    expect(chunks.length).toBeGreaterThan(2);
    worker.post({ type: 'start', file: { kind: 'backup' }, chars: backup.length });
    chunks.forEach((text, index) => worker.post({ type: 'chunk', index, text }));
    worker.post({ type: 'end' });
    await vi.waitFor(() => expect(worker.heard.at(-1)).toEqual({ type: 'restored' }));
    expect(worker.heard.slice(0, -1)).toEqual(
      [0, ...chunks.map((_, i) => chunks.slice(0, i + 1).join('').length)].map((chars) => ({
        type: 'received',
        chars,
      })),
    );
    expect(await everything(ctx)).toEqual(inBackup);
  });

  it('writes nothing when the port closes before the whole file is there', async () => {
    const { ctx, backup } = await backedUp();
    const before = await everything(ctx);
    const worker = workerOver(ctx);
    const [first, ...rest] = chunksOf(backup, 500);
    expect(rest.length).toBeGreaterThan(0);
    worker.post({ type: 'start', file: { kind: 'backup' }, chars: backup.length });
    worker.post({ type: 'chunk', index: 0, text: first! });
    await settled();
    worker.page.disconnect();
    await settled();
    expect(await everything(ctx)).toEqual(before);
  });

  it('refuses a malformed message, closes the port and writes nothing', async () => {
    const { ctx, backup } = await backedUp();
    const before = await everything(ctx);
    const worker = workerOver(ctx);
    worker.post({ type: 'start', file: { kind: 'backup' }, chars: backup.length });
    worker.page.postMessage({ type: 'chunk', index: 0, text: 42 });
    await vi.waitFor(() => expect(worker.closed()).toBe(true));
    expect(worker.heard.at(-1)).toMatchObject({
      type: 'failed',
      error: { code: 'malformed', message: expect.stringContaining('file.text') },
    });
    expect(await everything(ctx)).toEqual(before);
  });

  it('refuses a CSV with problems whole, naming line and field, through the page’s client', async () => {
    const ctx = testStore();
    const before = await everything(ctx);
    routeFilePortTo(ctx);
    const csv = 'Deal name,Email\nInitech pilot,leena@initech.fi\nBad one,not-an-email\n';
    const outcome = await sendFile({ kind: 'csv', mapping: { title: 0, email: 1 } }, csv);
    expect(outcome).toEqual({
      type: 'csv-refused',
      problems: [expect.objectContaining({ line: 3, field: 'Email', code: 'email' })],
    });
    expect(await everything(ctx)).toEqual(before);
    await expect(
      sendFile({ kind: 'csv', mapping: { title: 0, email: 1 } }, csv.split('\n', 2).join('\n')),
    ).resolves.toEqual({ type: 'imported', count: 1 });
  });

  it('takes files from the extension’s own pages only', () => {
    expect(fromOwnPage(DASHBOARD, OWN_ID, OWN_ORIGIN)).toBe(true);
    const gmail = { id: OWN_ID, url: 'https://mail.google.com/mail/u/0/' };
    expect(fromOwnPage(gmail, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(fromOwnPage({ ...DASHBOARD, id: 'another-extension' }, OWN_ID, OWN_ORIGIN)).toBe(false);
  });
});
