import Papa from 'papaparse';
import { escapeFormula } from './csv-values';
import type { StoreContext } from './db';
import { readSettings } from './settings';

// Every objection as a CSV row beside its deal, for a spreadsheet or another CRM: what was
// said, what was answered, in which stage, and how the deal ended. Times are ISO 8601 (UTC).

const HEADERS = [
  'Deal name',
  'Organization',
  'Objection',
  "Prospect's words",
  'Answer',
  'Stage',
  'Heard at',
  'Answer promised for',
  'Answered at',
  'Deal status',
];

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

export async function exportObjectionsCsv(ctx: StoreContext): Promise<string> {
  const { db } = ctx;
  const [settings, objections, deals] = await db.transaction(
    'r',
    db.settings,
    db.objections,
    db.deals,
    () => Promise.all([readSettings(ctx), db.objections.toArray(), db.deals.toArray()]),
  );
  const stageName = new Map(settings.stages.map((s) => [s.id, s.name]));
  const dealOf = new Map(deals.map((d) => [d.id, d]));
  const rows = objections
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((o) => {
      const deal = dealOf.get(o.dealId);
      const cells = [
        deal?.title ?? '',
        deal?.company ?? '',
        o.kind,
        o.words,
        o.answer,
        stageName.get(o.stageId) ?? o.stageId,
        iso(o.createdAt),
        iso(o.answerDueAt),
        iso(o.answeredAt),
        deal?.status ?? '',
      ];
      // Words come from prospects' messages: no cell may start a formula.
      return cells.map(escapeFormula);
    });
  return '\uFEFF' + Papa.unparse({ fields: HEADERS, data: rows });
}
