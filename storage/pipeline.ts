import { pipelineProblems } from '../domain/stages';
import type { StageDefinition } from '../domain/types';
import { StorageError } from './errors';
import type { StoreContext } from './db';
import { getSettings, updateSettings } from './settings';
import type { Settings } from './schemas';

/**
 * Saves an edited pipeline. Deals in a stage that is removed move to the stage the rep chose
 * for them (with the move in their history), all in one transaction.
 */
export async function savePipeline(
  ctx: StoreContext,
  stages: StageDefinition[],
  movesTo: Record<string, string>,
): Promise<Settings> {
  const problems = pipelineProblems(stages);
  if (problems.length > 0)
    throw new StorageError('invalid', problems[0]!, { field: 'stages', problems });
  const { db } = ctx;
  return db.transaction('rw', [db.settings, db.deals, db.stageHistory], async () => {
    const current = await getSettings(ctx);
    const kept = new Set(stages.map((s) => s.id));
    for (const removed of current.stages.filter((s) => !kept.has(s.id))) {
      const target = movesTo[removed.id];
      const affected = await db.deals.where('stageId').equals(removed.id).toArray();
      if (affected.length === 0) continue;
      if (!target || !kept.has(target)) {
        throw new StorageError(
          'invalid',
          `Choose where the ${affected.length} deals in "${removed.name}" go`,
          { field: `movesTo.${removed.id}` },
        );
      }
      const at = ctx.now();
      for (const deal of affected) {
        await db.stageHistory.add({ dealId: deal.id, from: removed.id, to: target, at });
        await db.deals.put({
          ...deal,
          stageId: target,
          stageChangedAt: at,
          updatedAt: at,
          lastMovementAt: Math.max(deal.lastMovementAt, at),
        });
      }
    }
    return updateSettings(ctx, { stages });
  });
}
