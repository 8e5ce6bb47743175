/**
 * Import of the activities (programs) spreadsheet: new identifiers are inserted, known ones
 * updated. Every row is checked whole: its cells, the program's schema and its rules all run,
 * so a row's problems are all listed at once.
 */
import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors.js';
import { stageOfStatus } from '../domain/program/lifecycle.js';
import { settleStatus } from '../domain/program/stage-status.js';
import { programFromInput, applyProgramPatch, type ProgramData } from '../domain/program/program.js';
import { checkImplementer, checkProgramRules } from '../domain/program/program.rules.js';
import { programInputSchema, programPatchSchema, type ProgramRequest } from '../domain/program/program.schema.js';
import { programRowToRequest, columnOfProgramPath, type ProgramRowResult } from '../domain/import/program-row.js';
import { ACTIVITY_COLUMNS, type ProgramColumn } from '../domain/import/csv-columns.js';
import type { OrganisationKind } from '../domain/codes.js';
import type { RecordSource } from './imports.ports.js';
import type { ProgramWrite } from './programs.ports.js';
import {
  addIssues,
  clipValue,
  registerImportedOrganisation,
  rowsOf,
  runImport,
  zodIssues,
  type ImportContext,
  type ImportDeps,
  type ImportOptions,
  type ImportReport,
  type Row,
} from './imports.js';

/** The repositories a program import writes through (the programs, the organisations it names, the facts). */
type ProgramImport = 'organisations' | 'programs' | 'participants' | 'reportFacts';

/** Turns a name into an organisation code: "Kementerian Pertanian" → "ID-KEMENTERIAN-PERTANIAN". */
export function codeFromName(name: string, prefix: string | null): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return prefix ? `${prefix}-${slug || 'ORG'}` : slug || 'ORG';
}

/** Resolves organisation names of the file to codes, registering the unknown ones (cached per import). */
class OrganisationResolver {
  private readonly cache = new Map<string, string>();
  /** The kind of each organisation met, by code (to check the implementers). */
  private readonly kinds = new Map<string, OrganisationKind>();

  constructor(private readonly ctx: ImportContext<'organisations'>) {}

  async codeOf(name: string, kind: OrganisationKind): Promise<string> {
    const key = `${kind}|${name.trim().toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { repos } = this.ctx;
    const found = await repos.organisations.findByName(name);
    let code = found?.code;
    if (found) this.kinds.set(found.code, found.kind);
    if (!code) {
      const country = kind === 'provider_agency' ? (this.ctx.options.providerCountry ?? 'ID') : null;
      code = await registerImportedOrganisation(this.ctx, {
        base: codeFromName(name, country),
        name: name.trim(),
        type: '10',
        kind,
        countryCode: country,
      });
      this.kinds.set(code, kind);
    }
    this.cache.set(key, code);
    return code;
  }

  /** Organisations looked up by name for checkImplementer (undefined: none registered), per import. */
  private readonly byName = new Map<string, { code: string; kind: OrganisationKind } | undefined>();

  /**
   * An organisation already registered under this name (nothing is registered), for
   * checkImplementer; looked up once per name, not once per row of a large file.
   */
  async registered(name: string | null): Promise<{ code: string; kind: OrganisationKind } | undefined> {
    if (!name) return undefined;
    const key = name.trim().toLowerCase();
    if (this.byName.has(key)) return this.byName.get(key);
    const found = await this.ctx.repos.organisations.findByName(name);
    const org = found ? { code: found.code, kind: found.kind } : undefined;
    this.byName.set(key, org);
    return org;
  }

  /** The implementer's code and kind (looked up when the file did not name it), for checkImplementer. */
  async implementer(code: string | null): Promise<{ code: string; kind: OrganisationKind } | undefined> {
    if (!code) return undefined;
    const kind = this.kinds.get(code) ?? (await this.ctx.repos.organisations.findByCode(code))?.kind;
    if (kind) this.kinds.set(code, kind);
    return kind ? { code, kind } : undefined;
  }
}

/** A row's request with its organisations' names standing for codes (nothing is registered before the row is valid). */
function withNamesAsCodes(row: Row<ProgramColumn>, mapped: ProgramRowResult, providerCountry: string): ProgramRequest {
  const request = { ...mapped.request };
  if (row.cells.has('implementing_agency')) {
    const agency = mapped.organisations.implementingAgency;
    request.implementingOrg = agency ? codeFromName(agency, providerCountry) : null;
  }
  if (row.cells.has('partners')) request.partners = partnersOf(mapped.organisations.partners.map((name) => codeFromName(name, null)));
  return request;
}

const partnersOf = (codes: readonly string[]) =>
  [...new Set(codes)].map((org) => ({ org, iatiRole: 1 as const, sscRole: 'second_provider' }));

/** The row's organisations, found in the registry or registered, in place of their names. */
async function withOrganisations(
  resolver: OrganisationResolver,
  row: Row<ProgramColumn>,
  mapped: ProgramRowResult,
  data: ProgramData,
): Promise<ProgramData> {
  let result = data;
  if (row.cells.has('implementing_agency')) {
    const agency = mapped.organisations.implementingAgency;
    result = { ...result, implementingOrg: agency ? await resolver.codeOf(agency, 'provider_agency') : null };
  }
  if (row.cells.has('partners')) {
    const codes: string[] = [];
    for (const name of mapped.organisations.partners) codes.push(await resolver.codeOf(name, 'partner'));
    const partners = partnersOf(codes).map((p) => ({
      ...p,
      sscRole: 'second_provider' as const,
      contributionMinor: null,
      currency: null,
      inKind: false,
    }));
    result = { ...result, partners };
  }
  return result;
}

/**
 * Parses a request, and when some fields are invalid parses it again without them, so that the
 * rules comparing the other fields still run: every problem of a row is found in one pass.
 */
function parseEvery<S extends z.ZodType>(
  schema: S,
  request: ProgramRequest,
): { parsed: z.output<S> | undefined; issues: FieldIssue[]; dropped: Set<string> } {
  const first = schema.safeParse(request);
  if (first.success) return { parsed: first.data, issues: [], dropped: new Set() };
  const issues = zodIssues(first.error);
  const dropped = new Set(issues.map((i) => i.path.split('.')[0] ?? ''));
  const rest: Record<string, unknown> = Object.fromEntries(Object.entries(request).filter(([key]) => !dropped.has(key)));
  if (dropped.has('identifier')) rest.identifier = 'UNCHECKED'; // the rules do not read it
  const second = schema.safeParse(rest);
  return { parsed: second.success ? second.data : undefined, issues, dropped };
}

/** A rule issue about a field that was refused (and so left out) is that field's problem already. */
function reportedAlready(issue: FieldIssue, dropped: ReadonlySet<string>): boolean {
  const head = issue.path.split('.')[0] ?? '';
  if (issue.code === 'title_required') return dropped.has('titleEn') || dropped.has('titleId');
  return dropped.has(head);
}

async function importChunk(
  ctx: ImportContext<ProgramImport>,
  resolver: OrganisationResolver,
  rows: Row<ProgramColumn>[],
  seen: Map<string, number>,
): Promise<void> {
  const { repos, errors } = ctx;
  const providerCountry = ctx.options.providerCountry ?? 'ID';
  const mappedRows = rows.map((row) => ({ row, mapped: programRowToRequest(row.cells) }));
  const existing = await repos.programs.idsByIdentifier([...new Set(mappedRows.map((m) => m.mapped.request.identifier).filter(Boolean))]);
  const inserts: ProgramWrite[] = [];
  const touched: number[] = [];
  for (const { row, mapped } of mappedRows) {
    ctx.counts.rows++;
    const line = row.line;
    const cellOf = (column: ProgramColumn) => row.cells.get(column);
    const before = errors.count;
    /** Columns with a problem already: a later check of the same cell adds none. */
    const reported = new Set<string>();
    const add = (column: ProgramColumn, code: string, message: string, params?: Readonly<Record<string, string | number>>) => {
      const value = row.cells.get(column);
      errors.add({ line, column, ...(value ? { value: clipValue(value) } : {}), code, ...(params ? { params } : {}), message });
      reported.add(column);
    };
    const id = mapped.request.identifier;
    if (id === '') add('identifier', 'required', 'is required');
    else if (seen.has(id))
      add('identifier', 'duplicate_in_file', `"${id}" already appears on line ${seen.get(id)} of this file`, {
        value: id,
        line: seen.get(id) ?? 0,
      });
    else seen.set(id, line);
    for (const issue of mapped.issues) add(issue.column, issue.code, issue.message, issue.params);

    const request = withNamesAsCodes(row, mapped, providerCountry);
    const programId = id === '' ? undefined : existing.get(id);
    let data: ProgramData | undefined;
    let version = 0;
    let dropped: ReadonlySet<string> = new Set();
    let statusGiven = false;
    if (programId === undefined) {
      const result = parseEvery(programInputSchema, request);
      addIssues(errors, line, result.issues, columnOfProgramPath, cellOf, reported);
      dropped = result.dropped;
      if (result.parsed) {
        data = programFromInput(result.parsed);
        statusGiven = result.parsed.activityStatus !== undefined;
        if (!result.parsed.lifecycleStage) data = { ...data, lifecycleStage: stageOfStatus(data.activityStatus) };
      }
    } else {
      const result = parseEvery(programPatchSchema, request);
      addIssues(errors, line, result.issues, columnOfProgramPath, cellOf, reported);
      dropped = result.dropped;
      const current = await repos.programs.findById(programId);
      // idsByIdentifier and findById run in one transaction: it exists
      if (current && result.parsed) {
        data = applyProgramPatch(current, result.parsed);
        statusGiven = result.parsed.activityStatus !== undefined;
        version = current.version;
        const countries = new Set(data.recipients.map((r) => r.country));
        const orphaned = (await repos.participants.countriesOf(programId)).filter((c) => !countries.has(c));
        if (orphaned.length && !dropped.has('recipients')) {
          const from = orphaned.join(', ');
          const message = `participants of this program come from ${from}: keep those countries`;
          add('recipient_countries', 'participants_from_country', message, { countries: from });
        }
      }
    }
    if (data) {
      // The status follows the stage (a status given must fit it; stageOfStatus gives a stage that does).
      const settled = settleStatus(data, statusGiven);
      data = settled.data;
      const rules = [
        ...(settled.issue ? [settled.issue] : []),
        ...checkProgramRules(data),
        // The file names the implementer: one registered under that name must be able to implement.
        ...checkImplementer(
          row.cells.has('implementing_agency')
            ? await resolver.registered(mapped.organisations.implementingAgency)
            : await resolver.implementer(data.implementingOrg),
        ),
      ].filter((i) => !reportedAlready(i, dropped));
      addIssues(errors, line, rules, columnOfProgramPath, cellOf, reported);
    }
    if (errors.count > before || !data) continue;
    const write: ProgramWrite = {
      data: await withOrganisations(resolver, row, mapped, data),
      now: ctx.now,
      importBatchId: ctx.batchId,
      source: 'mitra',
    };
    if (programId === undefined) {
      inserts.push(write);
      ctx.counts.inserted++;
    } else {
      await repos.programs.update(programId, version, write);
      touched.push(programId);
      ctx.counts.updated++;
    }
  }
  const ids = await repos.programs.insertMany(inserts);
  await repos.reportFacts.refresh([...touched, ...ids.values()]);
}

export async function importPrograms(
  deps: ImportDeps<ProgramImport>,
  source: RecordSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(deps, 'activities', source, options, async (ctx) => {
    const resolver = new OrganisationResolver(ctx);
    const seen = new Map<string, number>();
    for await (const rows of rowsOf(source, ACTIVITY_COLUMNS, [['identifier'], ['title_en', 'title_id']], ctx)) {
      await importChunk(ctx, resolver, rows, seen);
    }
  });
}
