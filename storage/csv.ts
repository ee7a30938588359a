import Papa from 'papaparse';
import { z } from 'zod';
import { DEAL_STATUSES } from '../domain/types';
import { StorageError } from './errors';
import type { StoreContext } from './db';
import { closeDeal, createDeal } from './deals';
import { readSettings } from './settings';

// Deals as CSV, with the columns CRM imports accept (deal name, organization, person,
// email, value, currency, stage, status, expected close, owner), parsed and written by
// papaparse. An import is checked row by row first; any problem refuses the whole file,
// naming the line and the field, and nothing is written.

export const CSV_FIELDS = ['title', 'organization', 'person', 'email', 'value', 'currency', 'stage', 'status', 'expectedClose', 'owner'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const CSV_HEADERS: Record<CsvField, string> = {
  title: 'Deal name',
  organization: 'Organization',
  person: 'Person',
  email: 'Email',
  value: 'Value',
  currency: 'Currency',
  stage: 'Stage',
  status: 'Status',
  expectedClose: 'Expected close date',
  owner: 'Owner',
};

export async function exportDealsCsv(ctx: StoreContext): Promise<string> {
  const settings = await readSettings(ctx);
  const stageName = new Map(settings.stages.map((s) => [s.id, s.name]));
  const deals = (await ctx.db.deals.toArray()).sort((a, b) => a.createdAt - b.createdAt);
  const contacts = new Map((await ctx.db.contacts.toArray()).map((c) => [c.id, c]));
  const rows = deals.map((deal) => {
    const person = deal.contactIds.map((id) => contacts.get(id)).find(Boolean);
    return [deal.title, deal.company, person?.name ?? '', person?.email ?? '', String(deal.value), deal.currency, stageName.get(deal.stageId) ?? deal.stageId, deal.status, deal.expectedClose ?? '', ''];
  });
  return Papa.unparse({ fields: CSV_FIELDS.map((f) => CSV_HEADERS[f]), data: rows });
}

export interface CsvPreview {
  headers: string[];
  rows: string[][];
  /** Our guess of which column holds which field, by header name; the rep can change it. */
  mapping: Partial<Record<CsvField, number>>;
}

export function previewCsv(text: string, rows = 5): CsvPreview {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [headers = [], ...data] = parsed.data;
  const mapping: Partial<Record<CsvField, number>> = {};
  headers.forEach((header, index) => {
    const normalized = header.trim().toLowerCase();
    const field = CSV_FIELDS.find((f) => CSV_HEADERS[f].toLowerCase() === normalized || f.toLowerCase() === normalized);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return { headers, rows: data.slice(0, rows), mapping };
}

export interface CsvProblem {
  /** Line in the file, the header being line 1. */
  line: number;
  field: string;
  message: string;
}

const optional = (check: z.ZodType, message: string) => z.string().refine((v) => v === '' || check.safeParse(v).success, message);

const rowSchema = z.object({
  title: z.string().trim().min(1, 'A deal needs a name').max(500),
  organization: z.string().trim().max(300),
  person: z.string().trim().max(300),
  email: optional(z.email(), 'Not an email address'),
  value: optional(z.string().regex(/^\d+(\.\d+)?$/), 'Not a number (use digits and a dot)'),
  currency: optional(z.string().regex(/^[A-Z]{3}$/), 'Use a three-letter currency code such as EUR'),
  stage: z.string().trim(),
  status: optional(z.enum(DEAL_STATUSES), 'Use open, won, lost or disqualified'),
  expectedClose: optional(z.iso.date(), 'Use a date like 2026-12-31'),
  owner: z.string(),
});

/** Reads every row, or lists every problem (line and field) and reads nothing. */
export async function checkCsv(ctx: StoreContext, text: string, mapping: Partial<Record<CsvField, number>>) {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 1, field: '(row)', message: e.message }));
  if (mapping.title === undefined) problems.push({ line: 1, field: CSV_HEADERS.title, message: 'No column is mapped to the deal name' });
  const settings = await readSettings(ctx);
  const stageByName = new Map(settings.stages.flatMap((s) => [[s.name.toLowerCase(), s.id], [s.id, s.id]]));
  const rows: (z.output<typeof rowSchema> & { stageId: string | undefined; line: number })[] = [];
  parsed.data.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const raw = Object.fromEntries(CSV_FIELDS.map((f) => [f, mapping[f] === undefined ? '' : (cells[mapping[f]!] ?? '').trim()]));
    raw.status = raw.status!.toLowerCase();
    const result = rowSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, field: CSV_HEADERS[issue.path[0] as CsvField], message: issue.message });
      return;
    }
    const stageId = result.data.stage ? stageByName.get(result.data.stage.toLowerCase()) : undefined;
    if (result.data.stage && !stageId) problems.push({ line, field: CSV_HEADERS.stage, message: `No stage "${result.data.stage}" in your pipeline` });
    rows.push({ ...result.data, stageId, line });
  });
  return { rows, problems };
}

/** Imports deals (and their people) from CSV in one transaction, or refuses the whole file. */
export async function importDealsCsv(ctx: StoreContext, text: string, mapping: Partial<Record<CsvField, number>>): Promise<number> {
  const { rows, problems } = await checkCsv(ctx, text, mapping);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new StorageError('invalid', `Line ${first.line}, ${first.field}: ${first.message}`, { problems });
  }
  const { db } = ctx;
  await db.transaction('rw', [db.deals, db.contacts, db.links, db.stageHistory, db.settings], async () => {
    for (const row of rows) {
      const deal = await createDeal(ctx, {
        title: row.title,
        company: row.organization,
        value: row.value ? Number(row.value) : 0,
        ...(row.currency ? { currency: row.currency } : {}),
        ...(row.stageId ? { stageId: row.stageId } : {}),
        expectedClose: row.expectedClose || null,
        newContacts: row.person || row.email ? [{ name: row.person, email: row.email || null, company: row.organization }] : [],
      });
      if (row.status && row.status !== 'open') await closeDeal(ctx, { dealId: deal.id, status: row.status as 'won' | 'lost' | 'disqualified' });
    }
  });
  return rows.length;
}
