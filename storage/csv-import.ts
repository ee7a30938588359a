import { StorageError, refusingFullDisk } from './errors';
import type { StoreContext } from './db';
import { checkCsv, type CsvField } from './csv';
import { closeDeal, createDeal } from './deals';

// The one write of a CSV import, run by the worker with the file the dashboard streamed to it
// (background/file-import.ts): checked whole by checkCsv, then written in one transaction.

/** Imports deals (and their people) from CSV in one transaction, or refuses the whole file. */
export async function importDealsCsv(
  ctx: StoreContext,
  text: string,
  mapping: Partial<Record<CsvField, number>>,
): Promise<number> {
  const { rows, problems } = await checkCsv(ctx, text, mapping);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new StorageError(
      'invalid',
      `Line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.message}`,
      { problems },
    );
  }
  const { db } = ctx;
  // One transaction: a full disk or any other failure part way leaves nothing imported.
  await refusingFullDisk(() =>
    db.transaction(
      'rw',
      [db.deals, db.contacts, db.links, db.stageHistory, db.settings],
      async () => {
        for (const row of rows) {
          const deal = await createDeal(
            ctx,
            {
              title: row.title,
              company: row.organization,
              value: row.value ?? 0,
              ...(row.currency ? { currency: row.currency } : {}),
              ...(row.stageId ? { stageId: row.stageId } : {}),
              expectedClose: row.expectedClose,
              newContacts:
                row.person || row.email
                  ? [{ name: row.person, email: row.email, company: row.organization }]
                  : [],
            },
            row.owner,
          );
          if (row.status !== 'open') await closeDeal(ctx, { dealId: deal.id, status: row.status });
        }
      },
    ),
  );
  return rows.length;
}
