import Dexie from 'dexie';
import { lastMovementAt } from '../domain/cadence';
import { earliestAnswerDue } from '../domain/objections';
import { touchFigures } from '../domain/touch-figures';
import { rowsOfDeal } from './by-deal';
import { validated } from './errors';
import { objectionsOfDeal } from './objections';
import { dealSchema, type Deal } from './schemas';
import { markPullTransaction } from './sync-outbox';
import type { StoreContext } from './db';

// Deals per transaction: a first pull recomputes every deal there is, a few reads each.
const CHUNK = 500;

/**
 * Works out the derived figures (follow-ups, last touch, due state, the day an answer is owed)
 * of deals whose touches or objections came from the team: they are never synced, each
 * browser recomputes its own. Chunk by chunk, each deal's reads sent together and the
 * deals written in one request.
 */
export async function recomputeDealFigures(ctx: StoreContext, dealIds: Iterable<string>) {
  const { db } = ctx;
  const ids = [...dealIds];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    await db.transaction('rw', db.deals, db.touches, db.objections, async () => {
      markPullTransaction(Dexie.currentTransaction!.idbtrans);
      const deals = (await db.deals.bulkGet(chunk)).filter((deal): deal is Deal => !!deal);
      const next = await Promise.all(deals.map((deal) => withFigures(ctx, deal)));
      await db.deals.bulkPut(next);
    });
  }
}

async function withFigures(ctx: StoreContext, deal: Deal): Promise<Deal> {
  const [touches, objections] = await Promise.all([
    rowsOfDeal(ctx.db.touches, deal.id).toArray(),
    objectionsOfDeal(ctx, deal.id),
  ]);
  const changed = {
    ...deal,
    ...touchFigures(touches),
    answerDueAt: deal.status === 'open' ? earliestAnswerDue(objections) : null,
  };
  return validated('deal', dealSchema, {
    ...changed,
    updatedAt: ctx.now(),
    lastMovementAt: lastMovementAt(changed),
  });
}
