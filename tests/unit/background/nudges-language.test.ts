import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { sendNudges } from '../../../background/nudges';
import { setCatalog } from '../../../i18n/i18n';
import { createDeal } from '../../../storage/deals';
import { updateSettings } from '../../../storage/settings';
import { DAY, testStore } from '../storage/test-store';

describe('nudges in the chosen language', () => {
  afterEach(() => {
    setCatalog(null);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('names an overdue deal in Finnish when Suomi is chosen, whatever the browser speaks', async () => {
    // The worker reads the packaged catalog of the chosen language from the extension.
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(readFileSync(`public${new URL(url).pathname}`, 'utf8')),
    );
    const shown: { title: string; message: string }[] = [];
    vi.spyOn(browser.notifications, 'create').mockImplementation((async (
      _id: string,
      options: { title: string; message: string },
    ) => {
      shown.push(options);
      return '';
    }) as never);
    const ctx = testStore();
    await createDeal(ctx, { title: 'Acme: 40 seats' });
    await updateSettings(ctx, { language: 'fi' });
    ctx.tick(6 * DAY);

    expect(await sendNudges(ctx)).toBe(1);
    expect(shown).toEqual(
      [{ title: 'Myöhässä: Acme: 40 seats', message: '6 päivää viimeisestä yhteydestä' }].map((n) =>
        expect.objectContaining(n),
      ),
    );
  });
});
