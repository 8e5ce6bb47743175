/**
 * One row of the activities spreadsheet → a program request (the API's JSON shape), and the
 * way back from a field path to the spreadsheet column, so that every error names the column.
 */
import { activityStatuses } from '../codes.js';
import { addDays, addOneYear, isCalendarDate } from '../dates.js';
import { countryName, resolveCountry } from '../reference/countries.js';
import { formatMinor } from '../money.js';
import type { Program } from '../program/program.js';
import type { ProgramRequest } from '../program/program.schema.js';
import { splitList, type ProgramColumn } from './csv-columns.js';

export interface CellIssue {
  readonly column: ProgramColumn;
  /** Stable code; its reason in each language: problem-messages.ts. */
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly message: string;
}

export type Cells<C extends string> = ReadonlyMap<C, string>;

/** Organisations named in a row, to be resolved to codes (or created) by the importer. */
export interface RowOrganisations {
  readonly implementingAgency: string | null;
  readonly partners: readonly string[];
}

export interface ProgramRowResult {
  /** Only the fields whose columns the file has: a re-import updates those and keeps the rest. */
  readonly request: Partial<ProgramRequest> & { identifier: string };
  readonly organisations: RowOrganisations;
  readonly issues: readonly CellIssue[];
}

const blankToNull = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());

function wholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** "Amman, Jordan" → city Amman in JO; "Banda Aceh" → city only. */
export function parseLocation(text: string): { venueCity: string; venueCountry: string | null } {
  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const resolved = resolveCountry(text.slice(comma + 1));
    if (resolved.ok) return { venueCity: text.slice(0, comma).trim(), venueCountry: resolved.country.iso2 };
  }
  return { venueCity: text.trim(), venueCountry: null };
}

/**
 * Maps the cells of a row. Dates: start_date/end_date are the planned dates; for a program
 * that has started (status implementation) start_date is also its actual start, and for one
 * that is finishing or closed both are also its actual dates.
 */
export function programRowToRequest(cells: Cells<ProgramColumn>): ProgramRowResult {
  const issues: CellIssue[] = [];
  const has = (c: ProgramColumn) => cells.has(c);
  const get = (c: ProgramColumn) => blankToNull(cells.get(c));
  const request: Partial<ProgramRequest> & { identifier: string } = { identifier: (cells.get('identifier') ?? '').trim() };

  if (has('title_en')) request.titleEn = get('title_en');
  if (has('title_id')) request.titleId = get('title_id');
  if (has('modality')) request.modality = get('modality');
  if (has('flagship_area')) request.flagshipArea = get('flagship_area');
  if (has('cooperation_type') && get('cooperation_type')) request.cooperationType = get('cooperation_type') ?? undefined;
  if (has('funding_source')) request.fundingSource = get('funding_source');
  if (has('status') && get('status')) request.activityStatus = get('status') ?? undefined;
  if (has('stage') && get('stage')) request.lifecycleStage = get('stage') ?? undefined;

  const start = get('start_date');
  const end = get('end_date');
  if (has('start_date')) request.plannedStart = start;
  if (has('end_date')) request.plannedEnd = end;
  const status = request.activityStatus ? activityStatuses.parse(request.activityStatus) : undefined;
  if (status === 'implementation') request.actualStart = start;
  if (status === 'finalisation' || status === 'closed') {
    request.actualStart = start;
    request.actualEnd = end;
  }

  if (has('location')) {
    const location = get('location');
    const parsed = location ? parseLocation(location) : { venueCity: null, venueCountry: null };
    request.venueCity = parsed.venueCity;
    request.venueCountry = parsed.venueCountry;
  }
  if (has('recipient_countries')) request.recipients = splitList(cells.get('recipient_countries') ?? '').map((country) => ({ country }));
  if (has('sdgs')) request.sdgs = splitList(cells.get('sdgs') ?? '');

  if (has('participants_planned')) {
    const text = get('participants_planned');
    const n = text === null ? null : wholeNumber(text);
    if (n === undefined) {
      issues.push({
        column: 'participants_planned',
        code: 'not_a_whole_number',
        params: { value: text ?? '' },
        message: `"${text}" is not a whole number of participants`,
      });
    } else request.participantsPlanned = n;
  }

  addBudget(cells, request, issues);

  const organisations: RowOrganisations = {
    implementingAgency: has('implementing_agency') ? get('implementing_agency') : null,
    partners: has('partners') ? splitList(cells.get('partners') ?? '') : [],
  };
  return { request, organisations, issues };
}

/** budget_amount + budget_currency → one budget for the program's first year (IATI: ≤ 1 year). */
function addBudget(cells: Cells<ProgramColumn>, request: Partial<ProgramRequest>, issues: CellIssue[]): void {
  if (!cells.has('budget_amount')) return;
  const amount = blankToNull(cells.get('budget_amount'));
  if (amount === null) {
    request.budgets = [];
    return;
  }
  const currency = blankToNull(cells.get('budget_currency'));
  const start = blankToNull(cells.get('start_date'));
  if (!currency) {
    issues.push({
      column: 'budget_currency',
      code: 'required',
      params: { with: 'budget_amount' },
      message: 'is required when budget_amount is given (e.g. IDR, USD)',
    });
  }
  if (!start || !isCalendarDate(start)) {
    if (!start)
      issues.push({ column: 'budget_amount', code: 'budget_needs_start', message: 'a budget needs start_date: its period starts then' });
    return;
  }
  const end = blankToNull(cells.get('end_date'));
  const yearEnd = addDays(addOneYear(start), -1);
  const periodEnd = end && isCalendarDate(end) && end >= start && end <= yearEnd ? end : yearEnd;
  request.budgets = [{ type: 1, status: 1, periodStart: start, periodEnd, amount, currency: currency ?? '', valueDate: start }];
}

/** The spreadsheet column of a field path of the program request ("recipients.2.country"). */
export function columnOfProgramPath(path: string): ProgramColumn {
  const [head, , leaf] = path.split('.');
  switch (head) {
    case 'titleEn':
      return 'title_en';
    case 'titleId':
      return 'title_id';
    case 'modality':
      return 'modality';
    case 'flagshipArea':
      return 'flagship_area';
    case 'cooperationType':
      return 'cooperation_type';
    case 'activityStatus':
      return 'status';
    case 'plannedStart':
    case 'actualStart':
      return 'start_date';
    case 'plannedEnd':
    case 'actualEnd':
      return 'end_date';
    case 'venueCity':
    case 'venueCountry':
      return 'location';
    case 'recipients':
      return 'recipient_countries';
    case 'implementingOrg':
      return 'implementing_agency';
    case 'fundingSource':
      return 'funding_source';
    case 'partners':
      return 'partners';
    case 'budgets':
      return leaf === 'currency' ? 'budget_currency' : leaf === 'periodEnd' ? 'end_date' : 'budget_amount';
    case 'participantsPlanned':
      return 'participants_planned';
    case 'sdgs':
      return 'sdgs';
    case 'lifecycleStage':
      return 'stage';
    default:
      return 'identifier';
  }
}

/** A program as a row of the activities spreadsheet: exports can be edited and imported back. */
export function programToRow(a: Program): Record<ProgramColumn, string> {
  const budget = a.budgets[0];
  return {
    identifier: a.identifier,
    title_en: a.titleEn ?? '',
    title_id: a.titleId ?? '',
    modality: a.modality ?? '',
    flagship_area: a.flagshipArea ?? '',
    cooperation_type: a.cooperationType,
    status: a.activityStatus,
    start_date: a.actualStart ?? a.plannedStart ?? '',
    end_date: a.actualEnd ?? a.plannedEnd ?? '',
    location: [a.venueCity, a.venueCountry ? countryName(a.venueCountry, 'en') : null].filter(Boolean).join(', '),
    recipient_countries: a.recipients.map((r) => r.country).join(';'),
    implementing_agency: a.implementingOrg ?? '',
    funding_source: a.fundingSource ?? '',
    partners: a.partners
      .filter((p) => p.sscRole !== 'first_provider')
      .map((p) => p.org)
      .join(';'),
    budget_amount: budget ? formatMinor(budget.amountMinor) : '',
    budget_currency: budget?.currency ?? '',
    participants_planned: a.participantsPlanned === null ? '' : String(a.participantsPlanned),
    sdgs: a.sdgs.map((s) => s.target ?? String(s.goal)).join(';'),
    stage: a.lifecycleStage,
  };
}
