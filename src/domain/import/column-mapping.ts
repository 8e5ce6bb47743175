/**
 * A column mapping: which of Mitra's fields each column of a ministry's file holds (file header
 * → field; a column mapped to nothing is ignored). It is applied to the file's records before
 * the importers see them: the header row is rewritten into Mitra's column names, so the
 * importers read a mapped file exactly like one in Mitra's own layout.
 */
import { z } from 'zod';
import { InvalidError } from '../errors.js';
import { isOneOf } from '../guards.js';
import { FIELDS_OF, REQUIRED_FIELDS, normaliseHeaderName, type MappableField, type MappableKind } from './column-suggestions.js';

/** File header (as written) → Mitra field, or "" / null for a column to ignore. */
export type ColumnMapping = Readonly<Record<string, string | null>>;

export const columnMappingSchema = z
  .record(z.string().max(500), z.string().max(100).nullable())
  .refine((m) => Object.keys(m).length <= 500, 'a mapping has at most 500 columns');

/** The field a header is mapped to: its exact entry, else the entry whose name normalises the same. */
function fieldOf(mapping: ColumnMapping, header: string): string | null {
  const exact = mapping[header.trim()] ?? mapping[header];
  if (exact !== undefined) return exact || null;
  const name = normaliseHeaderName(header);
  const entry = Object.entries(mapping).find(([k]) => normaliseHeaderName(k) === name);
  return entry?.[1] || null;
}

/** Problems of a mapping against the file's header: unknown fields, a field twice, required fields unmapped. */
export function mappingProblems(kind: MappableKind, header: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const fields: readonly string[] = FIELDS_OF[kind];
  const seen = new Map<string, string>();
  for (const column of header) {
    const field = fieldOf(mapping, column);
    if (field === null) continue;
    if (!fields.includes(field)) {
      problems.push(`the column "${column}" is mapped to "${field}", which is not a field of this import`);
      continue;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) problems.push(`the columns "${earlier}" and "${column}" are both mapped to "${field}"`);
    else seen.set(field, column);
  }
  for (const group of REQUIRED_FIELDS[kind]) {
    if (group.some((f) => seen.has(f))) continue;
    problems.push(
      group.length === 1
        ? `no column is mapped to the required field "${group[0]}"`
        : `no column is mapped to ${group.map((f) => `"${f}"`).join(' or ')}: one of them is required`,
    );
  }
  return problems;
}

/** The header row rewritten into Mitra's column names ("" for an ignored column). */
export function mappedHeader(kind: MappableKind, header: readonly string[], mapping: ColumnMapping): string[] {
  return header.map((column) => {
    const field = fieldOf(mapping, column);
    return field !== null && isOneOf<MappableField>(FIELDS_OF[kind], field) ? field : '';
  });
}

interface SourceRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * A record source with its header row mapped; a mapping that does not fit the header (a
 * required field unmapped, a field twice) stops the import before any row is read.
 */
export function withColumnMapping<S extends { readonly batches: AsyncIterable<readonly SourceRecord[]> }>(
  kind: MappableKind,
  source: S,
  mapping: ColumnMapping,
): S {
  async function* batches(): AsyncGenerator<readonly SourceRecord[]> {
    let first = true;
    for await (const batch of source.batches) {
      if (!first || batch.length === 0) {
        yield batch;
        continue;
      }
      first = false;
      const [header, ...rest] = batch;
      if (!header) continue;
      const problems = mappingProblems(kind, header.fields, mapping);
      if (problems.length) throw new InvalidError('import.file_mapping', `line ${header.line}: ${problems.join('; ')}`);
      yield [{ line: header.line, fields: mappedHeader(kind, header.fields, mapping) }, ...rest];
    }
  }
  return { ...source, batches: batches() };
}

/** A mapping sent as JSON text (a query parameter, a form field). */
export function parseColumnMapping(json: string): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InvalidError('import.bad_mapping', 'the mapping is not valid JSON', [{ path: 'mapping', message: 'is not JSON' }]);
  }
  const parsed = columnMappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidError('import.bad_mapping', 'the mapping must be an object of file header → Mitra field (or null)', [
      { path: 'mapping', message: parsed.error.issues[0]?.message ?? 'is invalid' },
    ]);
  }
  return parsed.data;
}
