/**
 * The columns of the spreadsheet formats a secretariat keeps (CSV import and the synthetic data
 * generator). Header names are case-insensitive, in any order; a few common synonyms are read.
 */
import { editDistance } from '../text.js';
import { isOneOf } from '../guards.js';
import type { ImportWarning } from './problem-messages.js';

export const ACTIVITY_COLUMNS = [
  'identifier',
  'title_en',
  'title_id',
  'modality',
  'flagship_area',
  'cooperation_type',
  'status',
  'start_date',
  'end_date',
  'location',
  'recipient_countries',
  'implementing_agency',
  'funding_source',
  'partners',
  'budget_amount',
  'budget_currency',
  'participants_planned',
  'sdgs',
  'stage',
] as const;
export type ProgramColumn = (typeof ACTIVITY_COLUMNS)[number];

export const PARTICIPANT_COLUMNS = [
  'activity_identifier',
  'full_name',
  'sex',
  'country',
  'organisation',
  'position',
  'email',
  'status',
] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];

export const RATE_COLUMNS = ['currency', 'date', 'units_per_usd', 'source'] as const;
export type RateColumn = (typeof RATE_COLUMNS)[number];

const SYNONYMS: Record<string, string> = {
  id: 'identifier',
  program_id: 'identifier',
  lifecycle_stage: 'stage',
  tahap: 'stage',
  title: 'title_en',
  judul: 'title_id',
  form: 'modality',
  bentuk: 'modality',
  area: 'flagship_area',
  type: 'cooperation_type',
  start: 'start_date',
  end: 'end_date',
  venue: 'location',
  lokasi: 'location',
  recipients: 'recipient_countries',
  recipient_country: 'recipient_countries',
  negara_penerima: 'recipient_countries',
  agency: 'implementing_agency',
  implementing_organisation: 'implementing_agency',
  implementing_organization: 'implementing_agency',
  partner: 'partners',
  budget: 'budget_amount',
  currency: 'budget_currency',
  participants: 'participants_planned',
  sdg: 'sdgs',
  program: 'activity_identifier',
  program_identifier: 'activity_identifier',
  name: 'full_name',
  nama: 'full_name',
  gender: 'sex',
  jenis_kelamin: 'sex',
  nationality: 'country',
  negara: 'country',
  organization: 'organisation',
  instansi: 'organisation',
  jabatan: 'position',
  rate: 'units_per_usd',
};

export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

export interface HeaderMap<C extends string> {
  /** Index of each known column present. */
  readonly index: ReadonlyMap<C, number>;
  readonly warnings: readonly ImportWarning[];
  readonly errors: readonly string[];
}

/**
 * Reads a header row: known columns (and synonyms) are mapped, unknown ones are ignored with a
 * warning, duplicates and missing required columns are errors. `required` lists groups of
 * which at least one column must be present (["title_en", "title_id"]).
 */
export function mapHeader<C extends string>(
  fields: readonly string[],
  known: readonly C[],
  required: readonly (readonly C[])[],
): HeaderMap<C> {
  const index = new Map<C, number>();
  const warnings: ImportWarning[] = [];
  const errors: string[] = [];
  fields.forEach((raw, i) => {
    const name = normalizeHeader(raw);
    if (name === '') return;
    const column = isOneOf(known, name) ? name : SYNONYMS[name];
    if (!isOneOf(known, column)) {
      const close = known.find((k) => editDistance(k, name) <= 2);
      warnings.push({
        code: 'unknown_column',
        params: { column: raw, ...(close ? { suggestion: close } : {}) },
        message: `unknown column "${raw}" is ignored${close ? ` (did you mean "${close}"?)` : ''}`,
      });
      return;
    }
    if (index.has(column)) errors.push(`column "${column}" appears twice (columns ${(index.get(column) ?? 0) + 1} and ${i + 1})`);
    else index.set(column, i);
  });
  for (const group of required) {
    if (!group.some((c) => index.has(c))) {
      errors.push(
        group.length === 1
          ? `the required column "${group[0]}" is missing`
          : `one of the columns ${group.map((c) => `"${c}"`).join(' or ')} is required`,
      );
    }
  }
  return { index, warnings, errors };
}

/** Splits a list cell ("PG; FJ ;SB") into its items. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
