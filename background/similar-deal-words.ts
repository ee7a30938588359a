import { t } from '../i18n/i18n';
import { applyLanguageSetting } from '../i18n/load-catalog';
import type { StoreContext } from '../storage/db';
import type { SimilarDeal } from '../storage/owners';
import { readSettings } from '../storage/settings';

/**
 * "ayse already has an open deal for this company: “Initech rollout”." in the rep's language:
 * the worker words it, so the panel in the rep's page carries no more than the message.
 */
export async function similarDealWords(ctx: StoreContext, deal: SimilarDeal): Promise<string> {
  await applyLanguageSetting((await readSettings(ctx)).language).catch((error) =>
    console.warn('Threadline: could not load the chosen language', error),
  );
  return t('similar_deal', [deal.title, deal.owner ?? '?']);
}
