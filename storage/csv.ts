import Papa from 'papaparse';
import { z } from 'zod';
import { DEAL_STATUSES } from '../domain/types';
import type { StoreContext } from './db';
import { escapeFormula, parseAmount, parseCalendarDate, unescapeFormula } from './csv-values';
import { readSettings } from './settings';

// Deals as CSV, with the columns CRM imports accept (deal name, organization, person,
// email, value, currency, stage, status, expected close, owner), parsed and written by
// papaparse, with no cell a spreadsheet would run as a formula. An import is checked row by
// row first; any problem refuses the whole file, naming the line and the field, and nothing
// is written (the write itself is csv-import.ts, run by the worker).

export const CSV_FIELDS = [
  'title',
  'organization',
  'person',
  'email',
  'value',
  'currency',
  'stage',
  'status',
  'expectedClose',
  'owner',
] as const;
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
    const cells = [
      deal.title,
      deal.company,
      person?.name ?? '',
      person?.email ?? '',
      String(deal.value),
      deal.currency,
      stageName.get(deal.stageId) ?? deal.stageId,
      deal.status,
      deal.expectedClose ?? '',
      deal.owner ?? '',
    ];
    // Titles and names come from pages: no cell may start a formula (csv-values.ts).
    return cells.map(escapeFormula);
  });
  // The byte order mark makes Excel read the file as UTF-8 ("Yılmaz", not "YÄ±lmaz").
  return '\uFEFF' + Papa.unparse({ fields: CSV_FIELDS.map((f) => CSV_HEADERS[f]), data: rows });
}

/** A row of the file with the line it starts on (a quoted value may span lines). */
interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * Every non-empty row with its line number, and what papaparse could not read. A byte order
 * mark (Excel writes one) is dropped; the separator (comma, semicolon, tab) is detected.
 */
function readCsv(text: string): { rows: CsvRow[]; errors: CsvProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const errors: CsvProblem[] = [];
  let line = 1;
  let counted = 0;
  let start = 0;
  Papa.parse<string[]>(source, {
    step: (result) => {
      // Lines before this row = newlines before where it starts.
      for (; counted < start; counted++) if (source[counted] === '\n') line++;
      const cells = result.data.map((cell) => unescapeFormula(cell.trim()));
      if (cells.some((cell) => cell !== '')) rows.push({ cells, line });
      // A single column has no separator to detect; that is no problem.
      for (const error of result.errors)
        if (error.type !== 'Delimiter')
          errors.push({
            line,
            field: '',
            code: 'unreadable',
            detail: error.message,
            message: error.message,
          });
      start = result.meta.cursor + 1;
    },
  });
  return { rows, errors };
}

export interface CsvPreview {
  headers: string[];
  rows: string[][];
  /** Our guess of which column holds which field, by header name; the rep can change it. */
  mapping: Partial<Record<CsvField, number>>;
}

export function previewCsv(text: string, rows = 5): CsvPreview {
  const [headers = { cells: [] }, ...data] = readCsv(text).rows;
  const mapping: Partial<Record<CsvField, number>> = {};
  headers.cells.forEach((header, index) => {
    const normalized = header.toLowerCase();
    const field = CSV_FIELDS.find(
      (f) => CSV_HEADERS[f].toLowerCase() === normalized || f.toLowerCase() === normalized,
    );
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return { headers: headers.cells, rows: data.slice(0, rows).map((row) => row.cells), mapping };
}

/** What can be wrong with a value; the dashboard says each in the rep's language. */
export type CsvProblemCode =
  | 'unreadable'
  | 'no-title-column'
  | 'required'
  | 'too-long'
  | 'email'
  | 'amount'
  | 'currency'
  | 'status'
  | 'date'
  | 'ambiguous-date'
  | 'stage';

const PROBLEM_MESSAGES: Record<CsvProblemCode, string> = {
  unreadable: 'The row cannot be read',
  'no-title-column': 'No column is mapped to the deal name',
  required: 'A deal needs a name',
  'too-long': 'Too long',
  email: 'Not an email address',
  amount: 'Not an amount',
  currency: 'Use a three-letter currency code such as EUR',
  status: 'Use open, won, lost or disqualified',
  date: 'Not a date (use 2026-12-31 or 31.12.2026)',
  'ambiguous-date': 'Day and month could be either way round (use 2026-12-31 or 31.12.2026)',
  stage: 'No such stage in your pipeline',
};

export interface CsvProblem {
  /** Line in the file, the header being line 1. */
  line: number;
  /** The column as the file names it (its header), or empty for the whole row. */
  field: string;
  code: CsvProblemCode;
  /** The value or the parser's words, where they help. */
  detail?: string;
  /** The problem in English, for the refusal's error message. */
  message: string;
}

const LIMITS: Partial<Record<CsvField, number>> = {
  title: 500,
  organization: 300,
  person: 300,
  email: 320,
  owner: 200,
};
const STATUSES = new Set<string>(DEAL_STATUSES);

interface CsvDeal {
  line: number;
  title: string;
  organization: string;
  person: string;
  email: string | null;
  value: number | null;
  currency: string | null;
  stageId: string | undefined;
  status: (typeof DEAL_STATUSES)[number];
  expectedClose: string | null;
  /** The team member whose deal it is; empty: the importing rep's (or none, without a team). */
  owner: string | null;
}

/** Reads every row, or lists every problem (line and field) and reads nothing. */
export async function checkCsv(
  ctx: StoreContext,
  text: string,
  mapping: Partial<Record<CsvField, number>>,
): Promise<{ rows: CsvDeal[]; problems: CsvProblem[] }> {
  const { rows: [header, ...data] = [], errors } = readCsv(text);
  const problems: CsvProblem[] = [...errors];
  const columnName = (field: CsvField) =>
    (mapping[field] !== undefined && header?.cells[mapping[field]!]) || CSV_HEADERS[field];
  const problem = (line: number, field: CsvField | '', code: CsvProblemCode, detail?: string) =>
    problems.push({
      line,
      field: field && columnName(field),
      code,
      ...(detail ? { detail } : {}),
      message: PROBLEM_MESSAGES[code] + (detail ? `: ${detail}` : ''),
    });
  if (mapping.title === undefined) problem(1, 'title', 'no-title-column');
  const settings = await readSettings(ctx);
  const stageByName = new Map(
    settings.stages.flatMap((s) => [
      [s.name.toLocaleLowerCase(), s.id],
      [s.id, s.id],
    ]),
  );
  const deals: CsvDeal[] = [];
  for (const { cells, line } of data) {
    const before = problems.length;
    const cell = (field: CsvField) =>
      mapping[field] === undefined ? '' : (cells[mapping[field]!] ?? '');
    for (const [field, limit] of Object.entries(LIMITS) as [CsvField, number][])
      if (cell(field).length > limit) problem(line, field, 'too-long');
    if (!cell('title') && mapping.title !== undefined) problem(line, 'title', 'required');
    const email = cell('email').toLowerCase();
    if (email && !z.email().safeParse(email).success)
      problem(line, 'email', 'email', cell('email'));
    const value = cell('value') ? parseAmount(cell('value')) : null;
    if (cell('value') && value === null) problem(line, 'value', 'amount', cell('value'));
    const currency = cell('currency').toUpperCase();
    if (currency && !/^[A-Z]{3}$/.test(currency))
      problem(line, 'currency', 'currency', cell('currency'));
    const status = cell('status').toLowerCase() || 'open';
    if (!STATUSES.has(status)) problem(line, 'status', 'status', cell('status'));
    const close = cell('expectedClose') ? parseCalendarDate(cell('expectedClose')) : null;
    if (close && 'problem' in close)
      problem(line, 'expectedClose', close.problem, cell('expectedClose'));
    const stageId = cell('stage') ? stageByName.get(cell('stage').toLocaleLowerCase()) : undefined;
    if (cell('stage') && !stageId) problem(line, 'stage', 'stage', cell('stage'));
    if (problems.length > before) continue;
    deals.push({
      line,
      title: cell('title'),
      organization: cell('organization'),
      person: cell('person'),
      email: email || null,
      value,
      currency: currency || null,
      stageId,
      status: status as CsvDeal['status'],
      expectedClose: close && 'date' in close ? close.date : null,
      owner: cell('owner') || null,
    });
  }
  return { rows: deals, problems };
}
