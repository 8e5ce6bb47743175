/**
 * A ministry's own spreadsheet layout (issue 21): the columns of an uploaded file with a
 * suggested Mitra field each, and the column mappings an agency saves to use again. A mapping
 * belongs to an agency, a kind of import and a set of header names; its agency's officers and the
 * coordination team read and change it, and every change is audited.
 */
import { authorizeImport, authorizeImportMappings, actorOrg, isCoordinationTeam } from '../domain/access/policy.js';
import { actorUserId } from '../domain/access/actor.js';
import { InvalidError, NotFoundError } from '../domain/errors.js';
import { mappingProblems, type ColumnMapping } from '../domain/import/column-mapping.js';
import {
  FIELDS_OF,
  REQUIRED_FIELDS,
  headerKey,
  suggestFields,
  type MappableField,
  type MappableKind,
} from '../domain/import/column-suggestions.js';
import { audit } from './audit.js';
import type { Deps, Repos, ServiceDeps } from './deps.js';
import type { SavedImportMapping } from './import-mappings.ports.js';
import type { RecordSource } from './imports.ports.js';

/** Rows read after the header for sample values, and sample values kept per column. */
const SAMPLE_ROWS = 20;
const SAMPLES = 3;

export interface FileColumn {
  readonly index: number;
  readonly header: string;
  /** The first few distinct non-empty values of the column. */
  readonly samples: readonly string[];
  readonly suggestion: MappableField | null;
}

export interface FileColumns {
  readonly kind: MappableKind;
  readonly source: string;
  /** The row of the header (the spreadsheet's row, the CSV's line). */
  readonly headerLine: number;
  readonly columns: readonly FileColumn[];
  /** Mitra's fields of this import; `required` groups say which must be mapped. */
  readonly fields: readonly MappableField[];
  readonly required: readonly (readonly MappableField[])[];
  /** The agency's saved mapping for these headers, if it has one. */
  readonly saved: SavedImportMapping | null;
}

/**
 * The agency a mapping belongs to: the one named (the coordination team may name any), else the
 * actor's own; its code as the registry spells it.
 */
async function agencyOf(deps: ServiceDeps<Repos<'organisations'>>, org: string | undefined): Promise<string | null> {
  const wanted = org?.trim() || actorOrg(deps.actor);
  if (!wanted) return null;
  authorizeImportMappings(deps.actor, wanted);
  const found = await deps.store.repos.organisations.findByCode(wanted);
  if (!found) {
    throw new InvalidError('import_mapping.unknown_agency', `no organisation with code "${wanted}"`, [
      { path: 'org', message: 'is not registered' },
    ]);
  }
  return found.code;
}

async function requireAgency(deps: ServiceDeps<Repos<'organisations'>>, org: string | undefined): Promise<string> {
  const code = await agencyOf(deps, org);
  if (code) return code;
  throw new InvalidError('import_mapping.no_agency', 'name the agency the mapping belongs to (org): your account has no organisation', [
    { path: 'org', message: 'is required' },
  ]);
}

/**
 * Reads the header of a file and a few rows after it: each column with sample values and the
 * suggested field, and the agency's saved mapping for the same headers.
 */
export async function describeFileColumns(
  deps: Deps<'importMappings' | 'organisations'>,
  kind: MappableKind,
  source: RecordSource,
  options: { readonly org?: string } = {},
): Promise<FileColumns> {
  authorizeImport(deps.actor, kind);
  let header: { line: number; fields: readonly string[] } | undefined;
  const rows: (readonly string[])[] = [];
  reading: for await (const batch of source.batches) {
    for (const record of batch) {
      if (!header) header = record;
      else rows.push(record.fields);
      if (rows.length >= SAMPLE_ROWS) break reading;
    }
  }
  if (!header) throw new InvalidError('import.file_empty', `"${source.name}" is empty: it has no header row`);
  const headers = header.fields.map((h) => h.trim());
  const suggestions = suggestFields(kind, headers);
  const columns = headers.map((h, index) => ({
    index,
    header: h,
    samples: [...new Set(rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== ''))].slice(0, SAMPLES),
    suggestion: suggestions[index]?.field ?? null,
  }));
  // The coordination team without an organisation has no saved mappings unless it names an agency.
  const org = options.org || actorOrg(deps.actor) ? await agencyOf(deps, options.org) : null;
  const saved = org ? ((await deps.store.repos.importMappings.find(org, kind, headerKey(headers))) ?? null) : null;
  return {
    kind,
    source: source.name,
    headerLine: header.line,
    columns,
    fields: FIELDS_OF[kind],
    required: REQUIRED_FIELDS[kind],
    saved,
  };
}

/** A saved mapping with the name of who saved it last (null when unknown or removed). */
export type ListedImportMapping = SavedImportMapping & { readonly updatedByName: string | null };

export async function listImportMappings(
  deps: Deps<'importMappings' | 'organisations' | 'users'>,
  query: { readonly org?: string; readonly kind?: MappableKind } = {},
): Promise<ListedImportMapping[]> {
  const org = await requireAgency(deps, query.org);
  const mappings = await deps.store.repos.importMappings.list(org, query.kind);
  const names = new Map<number, string | null>();
  for (const id of new Set(mappings.flatMap((m) => (m.updatedBy === null ? [] : [m.updatedBy])))) {
    names.set(id, (await deps.store.repos.users.findById(id))?.name ?? null);
  }
  return mappings.map((m) => ({ ...m, updatedByName: m.updatedBy === null ? null : (names.get(m.updatedBy) ?? null) }));
}

export interface ImportMappingInput {
  readonly org?: string;
  readonly kind: MappableKind;
  /** The file's header names, in its order. */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
}

/** Saves (or replaces) the agency's mapping for these headers; refuses one the import would refuse. */
export async function saveImportMapping(
  deps: Deps<'importMappings' | 'organisations' | 'audit'>,
  input: ImportMappingInput,
): Promise<SavedImportMapping> {
  const org = await requireAgency(deps, input.org);
  const headers = input.headers.map((h) => h.trim());
  if (headers.every((h) => h === '')) {
    throw new InvalidError('import_mapping.invalid', 'the mapping names no header', [{ path: 'headers', message: 'is empty' }]);
  }
  const problems = mappingProblems(input.kind, headers, input.mapping);
  if (problems.length) {
    throw new InvalidError(
      'import_mapping.invalid',
      `the mapping cannot be used: ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'mapping', message })),
    );
  }
  // Only the file's own headers are kept, so a saved mapping says nothing of other files.
  const mapping: Record<string, string | null> = {};
  for (const h of headers) if (h !== '') mapping[h] = input.mapping[h] || null;
  const key = headerKey(headers);
  return deps.store.transaction(async (repos) => {
    const before = await repos.importMappings.find(org, input.kind, key);
    const saved = await repos.importMappings.save(
      { orgCode: org, kind: input.kind, headerKey: key, headers, mapping, updatedBy: actorUserId(deps.actor) },
      deps.clock.nowIso(),
    );
    await audit(deps, repos, {
      action: before ? 'update' : 'create',
      entity: 'import_mapping',
      entityId: saved.id,
      entityLabel: `${org} ${input.kind}: ${headers
        .filter((h) => h !== '')
        .join(', ')
        .slice(0, 200)}`,
      changes: { mapping: { before: before?.mapping ?? null, after: mapping } },
    });
    return saved;
  });
}

export async function deleteImportMapping(deps: Deps<'importMappings' | 'audit'>, id: number): Promise<void> {
  const found = await deps.store.repos.importMappings.findById(id);
  // Another agency's mapping is "not found" to an agency officer, as if it did not exist.
  if (!found || (!isCoordinationTeam(deps.actor) && actorOrg(deps.actor)?.toLowerCase() !== found.orgCode.toLowerCase())) {
    throw new NotFoundError('import_mapping.not_found', `no saved column mapping ${id}`);
  }
  authorizeImportMappings(deps.actor, found.orgCode);
  await deps.store.transaction(async (repos) => {
    await repos.importMappings.delete(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'import_mapping',
      entityId: id,
      entityLabel: `${found.orgCode} ${found.kind}`,
      changes: { mapping: { before: found.mapping, after: null } },
    });
  });
}
