/**
 * What differs between two sets of a year's figures and records: an edition and the live
 * figures (the web's "the live figures differ from edition 1"), or an edition and the one it
 * corrects (errata). Figures are compared leaf by leaf; rows of tables are matched by their key
 * (a country, a code, an organisation, a grouping, a currency), not by position, so that a
 * change of rank shows as a change of rank rather than as every row after it.
 */
import type { ProgramSnapshot } from './program-snapshot.js';
import type { AnnualSummary } from './summary.js';

/** A leaf of the figures: a count, an amount, a label or a code. */
export type FigureValue = string | number | boolean | null;

export interface FigureDifference {
  /** Where in the summary ("regions.asia.programs", "topRecipients[country=PG].rank"). */
  readonly path: string;
  /** In the edition (or the earlier edition); undefined when the row is not there. */
  readonly before: FigureValue | undefined;
  /** In the live figures (or the later edition); undefined when the row is not there. */
  readonly after: FigureValue | undefined;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface RecordRef {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
}

export interface RecordChange extends RecordRef {
  readonly versionBefore: number;
  readonly versionAfter: number;
  readonly fields: readonly FieldChange[];
}

export interface EditionDifferences {
  readonly figures: readonly FigureDifference[];
  /** Programs counted now (or in the later edition) and not before. */
  readonly added: readonly RecordRef[];
  /** Programs counted before and no longer (deleted, or moved to another year). */
  readonly removed: readonly RecordRef[];
  readonly changed: readonly RecordChange[];
}

/** The fields that identify a row of a table of the summary, in the order they are tried. */
const ROW_KEYS = ['country', 'code', 'org', 'group', 'currency'] as const;

function rowKey(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const record = row as Record<string, unknown>;
  for (const key of ROW_KEYS) {
    if (key in record) return `${key}=${String(record[key])}`;
  }
  return undefined;
}

function isLeaf(value: unknown): value is FigureValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The figures as (path, leaf) pairs, in document order. Lists of plain values are one leaf. */
export function flattenFigures(value: unknown, path = '', into = new Map<string, FigureValue>()): Map<string, FigureValue> {
  if (isLeaf(value)) {
    into.set(path, value);
  } else if (Array.isArray(value)) {
    if (value.every(isLeaf)) into.set(path, JSON.stringify(value));
    else value.forEach((row, i) => flattenFigures(row, `${path}[${rowKey(row) ?? i}]`, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) flattenFigures(child, path ? `${path}.${key}` : key, into);
  }
  return into;
}

/** Every leaf that differs, in the order of `before`, then the leaves only `after` has. */
export function figureDifferences(before: AnnualSummary, after: AnnualSummary): FigureDifference[] {
  const a = flattenFigures(before);
  const b = flattenFigures(after);
  const out: FigureDifference[] = [];
  for (const [path, value] of a) {
    if (!b.has(path)) out.push({ path, before: value, after: undefined });
    else if (b.get(path) !== value) out.push({ path, before: value, after: b.get(path) });
  }
  for (const [path, value] of b) if (!a.has(path)) out.push({ path, before: undefined, after: value });
  return out;
}

/** Fields that change with every write and say nothing about the figures. */
const NOT_COMPARED: ReadonlySet<string> = new Set(['id', 'version', 'updatedAt']);

/** The fields of a program whose values differ (compared as JSON). */
export function changedFields(before: ProgramSnapshot, after: ProgramSnapshot): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return [...fields]
    .filter((f) => !NOT_COMPARED.has(f) && JSON.stringify(a[f]) !== JSON.stringify(b[f]))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/** The record as JSON without the fields that change with every write. */
const contentOf = (p: ProgramSnapshot): string => JSON.stringify({ ...p, version: 0, updatedAt: '' });
const sameContent = (a: ProgramSnapshot, b: ProgramSnapshot): boolean => contentOf(a) === contentOf(b);

const refOf = (p: ProgramSnapshot): RecordRef => ({ id: p.id, identifier: p.identifier, titleEn: p.titleEn, titleId: p.titleId });
const byIdentifier = (x: RecordRef, y: RecordRef) => x.identifier.localeCompare(y.identifier) || x.id - y.id;

/** Programs added, removed and changed between two sets of records, each sorted by identifier. */
export function recordDifferences(
  before: readonly ProgramSnapshot[],
  after: readonly ProgramSnapshot[],
): Pick<EditionDifferences, 'added' | 'removed' | 'changed'> {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  const changed: RecordChange[] = [];
  for (const p of after) {
    const q = old.get(p.id);
    // Most records of a year do not change: one comparison of the whole record settles them
    // (both come from the same code, in the same key order; if not, the fields are compared).
    if (!q || sameContent(q, p)) continue;
    const fields = changedFields(q, p);
    if (fields.length > 0) changed.push({ ...refOf(p), versionBefore: q.version, versionAfter: p.version, fields });
  }
  return {
    added: after
      .filter((p) => !old.has(p.id))
      .map(refOf)
      .sort(byIdentifier),
    removed: before
      .filter((p) => !now.has(p.id))
      .map(refOf)
      .sort(byIdentifier),
    changed: changed.sort(byIdentifier),
  };
}

export function editionDifferences(
  before: { summary: AnnualSummary; records: readonly ProgramSnapshot[] },
  after: { summary: AnnualSummary; records: readonly ProgramSnapshot[] },
): EditionDifferences {
  return { figures: figureDifferences(before.summary, after.summary), ...recordDifferences(before.records, after.records) };
}

export function hasDifferences(d: EditionDifferences): boolean {
  return d.figures.length > 0 || d.added.length > 0 || d.removed.length > 0 || d.changed.length > 0;
}
