/**
 * Spreadsheet imports (activities, participants, exchange rates). Each import is one
 * transaction: the rows are validated and written as they stream in, and if any row is invalid
 * (or it is a dry run) the transaction is rolled back, so the database is unchanged and the
 * answer lists every bad row with its line, column and reason. Each import is recorded as an
 * import batch, whatever its outcome.
 */
import type { z } from 'zod';
import { isDomainError, type FieldIssue } from '../domain/errors.js';
import { mapHeader } from '../domain/import/csv-columns.js';
import type { ImportWarning, ProblemParams } from '../domain/import/problem-messages.js';
import { IATI_IDENTIFIER_PATTERN } from '../domain/schema-helpers.js';
import { actorUserId } from '../domain/access/actor.js';
import { authorizeImport, requireSignedIn } from '../domain/access/policy.js';
import { audit } from './audit.js';
import { IMPORT_RUNNER } from './import-batches.js';
import type { OrganisationKind } from '../domain/codes.js';
import type { ImportBatchResult, RecordSource } from './imports.ports.js';
import type { Deps, Repos, Repositories } from './deps.js';

/** At most this many bad rows are kept in the answer (the count covers them all). */
export const MAX_REPORTED_ERRORS = 10_000;
/** An import writing this many rows or more refreshes the database's statistics afterwards. */
export const BULK_ROWS = 10_000;
/** Rows validated and written together. */
export const CHUNK_ROWS = 2_000;

export type ImportKind = 'activities' | 'participants' | 'rates' | 'iati';

export interface ImportRowError {
  readonly line: number;
  /** The spreadsheet column (or IATI element), or null for a problem of the whole row or file. */
  readonly column: string | null;
  /** The record concerned, when the file names it (an IATI activity's identifier). */
  readonly record?: string;
  readonly value?: string;
  /** Stable code of the problem ("required", "unknown_code", "not_a_recipient"…); its reason in each language is domain/import/problem-messages.ts's. */
  readonly code: string;
  /** What the reason says (the value, the other line…), to word it in another language. */
  readonly params?: ProblemParams;
  /** The reason in English. */
  readonly message: string;
}

export interface ImportReport {
  readonly batchId: number;
  readonly kind: ImportKind;
  readonly source: string;
  readonly sha256: string | null;
  /**
   * committed: written (with --partial, the valid records only); rejected: nothing written
   * because of errors; dry_run: validated only.
   */
  readonly status: 'committed' | 'rejected' | 'dry_run';
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  /** Records already stored exactly so (an IATI re-import): nothing written for them. */
  readonly unchanged: number;
  /** Rows with at least one error. */
  readonly rejectedRows: number;
  readonly errorCount: number;
  readonly errors: readonly ImportRowError[];
  readonly warnings: readonly ImportWarning[];
  readonly createdOrganisations: readonly { code: string; name: string; kind: string }[];
  /** What the file says of itself (an IATI file's version, date and publishers). */
  readonly file?: Readonly<Record<string, unknown>>;
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  /** Write the valid records and report the invalid ones, instead of writing nothing. */
  readonly partial?: boolean;
  /** ISO code of the providing country: new implementing agencies are registered there. */
  readonly providerCountry?: string;
  readonly userId?: number | null;
}

export class ErrorList {
  readonly items: ImportRowError[] = [];
  count = 0;
  private readonly badLines = new Set<number>();
  private badLineOverflow = 0;

  add(error: ImportRowError): void {
    this.count++;
    if (this.items.length < MAX_REPORTED_ERRORS) this.items.push(error);
    if (this.badLines.size < 1_000_000) this.badLines.add(error.line);
    else this.badLineOverflow++;
  }

  get rowsWithErrors(): number {
    return this.badLines.size + this.badLineOverflow;
  }
}

/** What an import body gets: the transaction's repositories it names, and the shared bookkeeping. */
export interface ImportContext<K extends keyof Repositories> {
  readonly repos: Repos<K>;
  readonly batchId: number;
  readonly now: string;
  readonly errors: ErrorList;
  readonly warnings: ImportWarning[];
  readonly options: ImportOptions;
  readonly createdOrganisations: { code: string; name: string; kind: string }[];
  /** Rows read, and rows inserted or updated so far (kept even when the import is rolled back). */
  readonly counts: ImportCounts;
  /** What the file says of itself, kept with the batch and returned in the report. */
  readonly file: Record<string, unknown>;
}

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Registers an organisation the registry lacks under `base` or, when that code is taken,
 * `base-2`, `base-3`…; returns its code.
 */
export async function registerUnderFreeCode(
  repos: Repos<'organisations'>,
  now: string,
  o: { base: string; name: string; type: string; kind: OrganisationKind; countryCode: string | null },
): Promise<string> {
  let code = o.base;
  for (let n = 2; await repos.organisations.findByCode(code); n++) code = `${o.base}-${n}`;
  await repos.organisations.insert(
    { code, nameEn: o.name, nameId: null, acronym: null, type: o.type, countryCode: o.countryCode, kind: o.kind, illustrative: false },
    now,
  );
  return code;
}

/** Registers an organisation that an imported file names and the registry lacks (registerUnderFreeCode), for the report. */
export async function registerImportedOrganisation(
  ctx: ImportContext<'organisations'>,
  o: { base: string; name: string; type: string; kind: OrganisationKind; countryCode: string | null },
): Promise<string> {
  const code = await registerUnderFreeCode(ctx.repos, ctx.now, o);
  ctx.createdOrganisations.push({ code, name: o.name, kind: o.kind });
  return code;
}

/** A file-level problem (header, encoding): the import stops and nothing is written. */
export class ImportFileProblem extends Error {
  constructor(readonly problems: readonly ImportRowError[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ImportFileProblem';
  }
}

class Rollback extends Error {}

export interface Row<C extends string> {
  readonly line: number;
  readonly cells: ReadonlyMap<C, string>;
}

/**
 * Reads the header of a source and yields its data rows in chunks as column → cell maps.
 * Unknown columns are warnings; a missing required column or a duplicate is a file problem.
 */
export async function* rowsOf<C extends string>(
  source: RecordSource,
  known: readonly C[],
  required: readonly (readonly C[])[],
  ctx: Pick<ImportContext<never>, 'warnings' | 'errors'>,
): AsyncGenerator<Row<C>[]> {
  let header: ReturnType<typeof mapHeader<C>> | undefined;
  let width = 0;
  let pending: Row<C>[] = [];
  for await (const batch of source.batches) {
    for (const record of batch) {
      if (!header) {
        header = mapHeader(record.fields, known, required);
        width = record.fields.length;
        ctx.warnings.push(...header.warnings);
        if (header.errors.length) throw new ImportFileProblem(header.errors.map((message) => headerProblem(record.line, message)));
        continue;
      }
      const extra = record.fields.slice(width).filter((f) => f.trim() !== '').length;
      if (extra > 0) {
        ctx.errors.add({
          line: record.line,
          column: null,
          code: 'extra_cells',
          params: { cells: width + extra, columns: width },
          message: `the row has ${width + extra} cells but the header names ${width} columns`,
        });
      }
      const cells = new Map<C, string>();
      for (const [column, index] of header.index) cells.set(column, record.fields[index] ?? '');
      pending.push({ line: record.line, cells });
      if (pending.length >= CHUNK_ROWS) {
        yield pending;
        pending = [];
      }
    }
  }
  if (!header) {
    throw new ImportFileProblem([{ line: 1, column: null, code: 'empty_file', message: 'the file is empty: it has no header row' }]);
  }
  if (pending.length) yield pending;
}

/** A problem of the header row, with the code and params of mapHeader's message (csv-columns.ts). */
function headerProblem(line: number, message: string): ImportRowError {
  const missing = /^the required column "(.+)" is missing$/.exec(message);
  if (missing) return { line, column: missing[1] ?? null, code: 'missing_column', params: { column: missing[1] ?? '' }, message };
  const oneOf = /^one of the columns (.+) is required$/.exec(message);
  if (oneOf) return { line, column: null, code: 'missing_columns', params: { columns: oneOf[1] ?? '' }, message };
  const twice = /^column "(.+)" appears twice \(columns (\d+) and (\d+)\)$/.exec(message);
  if (twice) {
    const [, column = '', first = '', second = ''] = twice;
    return { line, column, code: 'duplicate_column', params: { column, first, second }, message };
  }
  return { line, column: null, code: 'invalid_header', message };
}

/** A cell as a problem quotes it: at most 100 characters. */
export const clipValue = (value: string): string => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

/**
 * Adds zod or rule issues of a row as errors on their columns. `skip` names columns whose
 * problem is already reported (a check that ran earlier on the same cell): they get no second one.
 */
export function addIssues<C extends string>(
  errors: ErrorList,
  line: number,
  issues: readonly FieldIssue[],
  columnOf: (path: string) => C,
  cellOf?: (column: C) => string | undefined,
  skip?: ReadonlySet<string>,
): void {
  for (const issue of issues) {
    const column = columnOf(issue.path);
    if (skip?.has(column)) continue;
    const value = cellOf?.(column);
    errors.add({
      line,
      column,
      ...(value ? { value: clipValue(value) } : {}),
      code: issue.code ?? 'invalid',
      ...(issue.params ? { params: issue.params } : {}),
      message: issue.message,
    });
  }
}

/** A zod issue as a field issue: a stable code (a refinement's own, else the kind of check) and its params. */
function fieldIssueOf(i: z.core.$ZodIssue, prefix: readonly PropertyKey[]): FieldIssue[] {
  const path = [...prefix, ...i.path].map(String).join('.');
  switch (i.code) {
    case 'unrecognized_keys':
      return i.keys.map((k) => ({ path: path ? `${path}.${k}` : k, code: 'unknown_field', message: 'unknown field' }));
    case 'invalid_union': {
      // The option of the value's own type says what is wrong with it ("abc" is a string, not a decimal).
      const typed = i.errors.filter((option) => !option.every((o) => o.code === 'invalid_type'));
      const chosen = typed.length === 1 ? typed[0] : undefined;
      if (chosen) return chosen.flatMap((o) => fieldIssueOf(o, [...prefix, ...i.path]));
      return [{ path, code: 'invalid_type', message: i.message }];
    }
    case 'custom': {
      const { code, ...params } = i.params ?? {};
      const flat = Object.fromEntries(
        Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
      );
      return [{ path, code: typeof code === 'string' ? code : 'invalid', params: flat, message: i.message }];
    }
    case 'too_small':
      if (i.origin === 'string' && Number(i.minimum) === 1) return [{ path, code: 'required', message: i.message }];
      if (i.origin === 'number' && Number(i.minimum) === 0 && !i.inclusive) return [{ path, code: 'not_positive', message: i.message }];
      return [{ path, code: 'out_of_range', params: { min: Number(i.minimum) }, message: i.message }];
    case 'too_big':
      if (i.origin === 'string') return [{ path, code: 'too_long', params: { max: Number(i.maximum) }, message: i.message }];
      return [{ path, code: 'out_of_range', params: { max: Number(i.maximum) }, message: i.message }];
    case 'invalid_format': {
      const identifier = i.format === 'regex' && i.pattern === String(IATI_IDENTIFIER_PATTERN);
      return [{ path, code: identifier ? 'invalid_identifier' : 'invalid_format', message: i.message }];
    }
    default:
      return [{ path, code: i.code, message: i.message }];
  }
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => fieldIssueOf(i, []));
}

/** The deps of an import whose body uses the repositories K (the batch and its audit entry come on top). */
export type ImportDeps<K extends keyof Repositories> = Deps<K | 'importBatches' | 'audit'>;

/** Runs an import body in one transaction and records its batch, whatever the outcome. */
export async function runImport<K extends keyof Repositories>(
  deps: ImportDeps<K>,
  kind: ImportKind,
  source: Pick<RecordSource, 'name' | 'sha256'>,
  options: ImportOptions,
  body: (ctx: ImportContext<K>) => Promise<void>,
): Promise<ImportReport> {
  authorizeImport(deps.actor, kind);
  const batches = deps.store.repos.importBatches;
  const batchId = await batches.start(kind, source.name, deps.clock.nowIso(), options.userId ?? actorUserId(deps.actor), IMPORT_RUNNER);
  const errors = new ErrorList();
  const warnings: ImportWarning[] = [];
  const createdOrganisations: ImportContext<never>['createdOrganisations'] = [];
  const counts: ImportCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
  const file: Record<string, unknown> = {};
  let fileFailed = false;
  const finish = async (status: ImportBatchResult['status']): Promise<void> => {
    await batches.finish(batchId, {
      status,
      sha256: source.sha256(),
      rowsTotal: counts.rows,
      rowsInserted: status === 'committed' ? counts.inserted : 0,
      rowsUpdated: status === 'committed' ? counts.updated : 0,
      rowsRejected: errors.rowsWithErrors,
      details: {
        errorCount: errors.count,
        errors: errors.items.slice(0, 1_000),
        warnings: warnings.map((w) => w.message),
        createdOrganisations,
        wouldInsert: counts.inserted,
        wouldUpdate: counts.updated,
        unchanged: counts.unchanged,
        partial: options.partial ?? false,
        ...(Object.keys(file).length ? { file } : {}),
      },
      finishedAt: deps.clock.nowIso(),
    });
  };
  try {
    await deps.store.transaction(async (repos) => {
      const ctx: ImportContext<K> = {
        repos,
        batchId,
        now: deps.clock.nowIso(),
        errors,
        warnings,
        options,
        createdOrganisations,
        counts,
        file,
      };
      await body(ctx);
      if ((errors.count > 0 && !options.partial) || options.dryRun) throw new Rollback();
      await audit(deps, repos, {
        action: 'import',
        entity: 'import',
        entityId: batchId,
        entityLabel: `${kind}: ${source.name}`,
        changes: {
          rows: { before: null, after: counts.rows },
          inserted: { before: null, after: counts.inserted },
          updated: { before: null, after: counts.updated },
        },
      });
    });
  } catch (error) {
    if (error instanceof ImportFileProblem) {
      fileFailed = true;
      for (const p of error.problems) errors.add(p);
    } else if (isDomainError(error) && error.code.startsWith('import.file')) {
      // The file itself is unreadable (encoding, size, CSV syntax): say where.
      fileFailed = true;
      const line = Number(/line (\d+)/.exec(error.message)?.[1] ?? 0);
      errors.add({ line, column: null, code: error.code, params: { detail: error.message }, message: error.message });
    } else if (!(error instanceof Rollback)) {
      await finish('failed');
      throw error;
    }
  }
  const status = fileFailed || (errors.count > 0 && !options.partial) ? 'rejected' : options.dryRun ? 'dry_run' : 'committed';
  await finish(status);
  if (status === 'committed' && counts.inserted + counts.updated >= BULK_ROWS) await deps.store.afterBulkWrite();
  return {
    batchId,
    kind,
    source: source.name,
    sha256: source.sha256(),
    status,
    rows: counts.rows,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.unchanged,
    rejectedRows: errors.rowsWithErrors,
    errorCount: errors.count,
    errors: errors.items,
    warnings,
    createdOrganisations,
    ...(Object.keys(file).length ? { file } : {}),
  };
}

export async function listImportBatches(deps: Deps<'importBatches'>, limit = 50) {
  requireSignedIn(deps.actor);
  return deps.store.repos.importBatches.list(limit);
}
