/** Import of the activities (programs) spreadsheet: new identifiers are inserted, known ones updated. */
import { stageOfStatus } from '../domain/program/lifecycle.js';
import { programFromInput, applyProgramPatch, type ProgramData } from '../domain/program/program.js';
import { checkImplementer, checkProgramRules } from '../domain/program/program.rules.js';
import { programInputSchema, programPatchSchema, type ProgramRequest } from '../domain/program/program.schema.js';
import { programRowToRequest, columnOfProgramPath } from '../domain/import/program-row.js';
import { ACTIVITY_COLUMNS, type ProgramColumn } from '../domain/import/csv-columns.js';
import type { OrganisationKind } from '../domain/codes.js';
import type { RecordSource } from './imports.ports.js';
import type { ProgramWrite } from './programs.ports.js';
import {
  addIssues,
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

  /** The implementer's code and kind (looked up when the file did not name it), for checkImplementer. */
  async implementer(code: string | null): Promise<{ code: string; kind: OrganisationKind } | undefined> {
    if (!code) return undefined;
    const kind = this.kinds.get(code) ?? (await this.ctx.repos.organisations.findByCode(code))?.kind;
    if (kind) this.kinds.set(code, kind);
    return kind ? { code, kind } : undefined;
  }
}

interface Prepared {
  readonly line: number;
  readonly cells: Row<ProgramColumn>['cells'];
  readonly request: Partial<ProgramRequest> & { identifier: string };
}

async function withOrganisations(
  resolver: OrganisationResolver,
  row: Row<ProgramColumn>,
  mapped: ReturnType<typeof programRowToRequest>,
): Promise<Prepared['request']> {
  const request = { ...mapped.request };
  if (row.cells.has('implementing_agency')) {
    const agency = mapped.organisations.implementingAgency;
    request.implementingOrg = agency ? await resolver.codeOf(agency, 'provider_agency') : null;
  }
  if (row.cells.has('partners')) {
    const codes: string[] = [];
    for (const name of mapped.organisations.partners) codes.push(await resolver.codeOf(name, 'partner'));
    request.partners = [...new Set(codes)].map((org) => ({ org, iatiRole: 1 as const, sscRole: 'second_provider' }));
  }
  return request;
}

async function importChunk(
  ctx: ImportContext<ProgramImport>,
  resolver: OrganisationResolver,
  rows: Row<ProgramColumn>[],
  seen: Map<string, number>,
): Promise<void> {
  const { repos, errors } = ctx;
  const prepared: Prepared[] = [];
  for (const row of rows) {
    ctx.counts.rows++;
    const mapped = programRowToRequest(row.cells);
    const id = mapped.request.identifier;
    const before = errors.count;
    if (id === '') errors.add({ line: row.line, column: 'identifier', message: 'is required' });
    else if (seen.has(id))
      errors.add({
        line: row.line,
        column: 'identifier',
        value: id,
        message: `"${id}" already appears on line ${seen.get(id)} of this file`,
      });
    else seen.set(id, row.line);
    for (const issue of mapped.issues)
      errors.add({ line: row.line, column: issue.column, value: row.cells.get(issue.column), message: issue.message });
    if (errors.count > before) continue;
    prepared.push({ line: row.line, cells: row.cells, request: await withOrganisations(resolver, row, mapped) });
  }
  const existing = await repos.programs.idsByIdentifier(prepared.map((p) => p.request.identifier));
  const inserts: ProgramWrite[] = [];
  const touched: number[] = [];
  for (const p of prepared) {
    const cellOf = (column: ProgramColumn) => p.cells.get(column);
    const id = existing.get(p.request.identifier);
    let data: ProgramData;
    let version = 0;
    if (id === undefined) {
      const parsed = programInputSchema.safeParse(p.request);
      if (!parsed.success) {
        addIssues(errors, p.line, zodIssues(parsed.error), columnOfProgramPath, cellOf);
        continue;
      }
      data = programFromInput(parsed.data);
      if (!parsed.data.lifecycleStage) data = { ...data, lifecycleStage: stageOfStatus(data.activityStatus) };
    } else {
      const parsed = programPatchSchema.safeParse(p.request);
      if (!parsed.success) {
        addIssues(errors, p.line, zodIssues(parsed.error), columnOfProgramPath, cellOf);
        continue;
      }
      const current = await repos.programs.findById(id);
      if (!current) continue; // idsByIdentifier and findById run in one transaction: it exists
      data = applyProgramPatch(current, parsed.data);
      version = current.version;
      const countries = new Set(data.recipients.map((r) => r.country));
      const orphaned = (await repos.participants.countriesOf(id)).filter((c) => !countries.has(c));
      if (orphaned.length) {
        errors.add({
          line: p.line,
          column: 'recipient_countries',
          message: `participants of this program come from ${orphaned.join(', ')}: keep those countries`,
        });
        continue;
      }
    }
    const issues = [...checkProgramRules(data), ...checkImplementer(await resolver.implementer(data.implementingOrg))];
    if (issues.length) {
      addIssues(errors, p.line, issues, columnOfProgramPath, cellOf);
      continue;
    }
    const write: ProgramWrite = { data, now: ctx.now, importBatchId: ctx.batchId, source: 'mitra' };
    if (id === undefined) {
      inserts.push(write);
      ctx.counts.inserted++;
    } else {
      await repos.programs.update(id, version, write);
      touched.push(id);
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
