/** Import of the participants spreadsheet: one row per person and program (upsert by person key). */
import { columnOfParticipantPath, participantRowToRequest } from '../domain/import/participant-row.js';
import { PARTICIPANT_COLUMNS, type ParticipantColumn } from '../domain/import/csv-columns.js';
import { checkParticipantCountry, personKey, type ParticipantData } from '../domain/participant/participant.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import type { Actor } from '../domain/access/actor.js';
import { actorOrg, canWriteParticipantsOf } from '../domain/access/policy.js';
import type { FieldIssue } from '../domain/errors.js';
import type { RecordSource } from './imports.ports.js';
import type { ParticipantWrite } from './participants.ports.js';
import type { ProgramImportTarget } from './programs.ports.js';
import {
  addIssues,
  rowsOf,
  runImport,
  zodIssues,
  type ImportContext,
  type ImportDeps,
  type ImportOptions,
  type ImportReport,
  type Row,
} from './imports.js';

/** Programs named by the file, looked up once each (bounded by the number of programs). */
class TargetCache {
  private readonly known = new Map<string, ProgramImportTarget | null>();

  constructor(private readonly ctx: ImportContext<'programs'>) {}

  async load(identifiers: readonly string[]): Promise<void> {
    const missing = [...new Set(identifiers)].filter((i) => i !== '' && !this.known.has(i));
    if (!missing.length) return;
    const found = await this.ctx.repos.programs.importTargets(missing);
    for (const identifier of missing) this.known.set(identifier, found.get(identifier) ?? null);
  }

  get(identifier: string): ProgramImportTarget | null {
    return this.known.get(identifier) ?? null;
  }
}

/** Problems in the order of the columns of the participants spreadsheet. */
const byColumn = (a: FieldIssue, b: FieldIssue): number => order(a.path) - order(b.path);
const order = (path: string): number => PARTICIPANT_COLUMNS.indexOf(columnOfParticipantPath(path));

interface Candidate {
  readonly line: number;
  readonly activityId: number;
  readonly data: ParticipantData;
  readonly key: string;
}

/** The programs whose participants the importing actor may write, and how a row out of scope is refused. */
interface ImportScope {
  includes(target: ProgramImportTarget): boolean;
  readonly refusal: (identifier: string) => string;
  /** The importing agency's code ('' for the coordination team, which may import any program). */
  readonly org: string;
}

function scopeOf(actor: Actor): ImportScope {
  const org = actorOrg(actor);
  return {
    includes: (target) => canWriteParticipantsOf(actor, target),
    refusal: (identifier) => `program ${identifier} is not implemented by your agency${org ? ` (${org})` : ''}`,
    org: org ?? '',
  };
}

async function importChunk(
  ctx: ImportContext<'participants'>,
  targets: TargetCache,
  scope: ImportScope,
  rows: Row<ParticipantColumn>[],
  touched: Set<number>,
): Promise<void> {
  const { errors, repos } = ctx;
  const mapped = rows.map((row) => ({ row, ...participantRowToRequest(row.cells) }));
  await targets.load(mapped.map((m) => m.activityIdentifier));
  const candidates: Candidate[] = [];
  const inChunk = new Map<string, number>();
  for (const { row, activityIdentifier, request } of mapped) {
    ctx.counts.rows++;
    const cellOf = (column: ParticipantColumn) => row.cells.get(column);
    const named = targets.get(activityIdentifier);
    const before = errors.count;
    if (!named) {
      errors.add({
        line: row.line,
        column: 'activity_identifier',
        ...(activityIdentifier
          ? { value: activityIdentifier, code: 'unknown_program', params: { value: activityIdentifier } }
          : { code: 'required' }),
        message: activityIdentifier ? `no program with identifier "${activityIdentifier}"` : 'is required',
      });
    } else if (!scope.includes(named)) {
      // An agency imports its own programs' participants only: the row is refused, and with it the file.
      errors.add({
        line: row.line,
        column: 'activity_identifier',
        value: activityIdentifier,
        code: 'not_your_program',
        params: { value: activityIdentifier, org: scope.org },
        message: scope.refusal(activityIdentifier),
      });
    }
    const target = named && scope.includes(named) ? named : null;
    // Every field is checked, and the country against the program's recipients even when another field is wrong.
    const parsed = participantInputSchema.safeParse(request);
    const issues = parsed.success ? [] : zodIssues(parsed.error);
    const country = parsed.success ? parsed.data.country : participantInputSchema.shape.country.safeParse(request.country).data;
    if (target && country !== undefined) issues.push(...checkParticipantCountry(country, target.recipients));
    addIssues(errors, row.line, issues.sort(byColumn), columnOfParticipantPath, cellOf);
    if (!parsed.success || !target || errors.count > before) continue;
    const data: ParticipantData = {
      fullName: parsed.data.fullName,
      sex: parsed.data.sex,
      country: parsed.data.country,
      organisation: parsed.data.organisation ?? null,
      position: parsed.data.position ?? null,
      email: parsed.data.email ?? null,
      status: parsed.data.status,
      illustrative: false,
    };
    const key = personKey(data);
    const twin = inChunk.get(`${target.id}|${key}`);
    if (twin !== undefined) {
      errors.add({
        line: row.line,
        column: data.email ? 'email' : 'full_name',
        code: 'same_person',
        params: { line: twin },
        message: `the same person is already on line ${twin} for this program`,
      });
      continue;
    }
    inChunk.set(`${target.id}|${key}`, row.line);
    candidates.push({ line: row.line, activityId: target.id, data, key });
  }
  const existing = await repos.participants.findKeys(candidates.map((c) => ({ activityId: c.activityId, personKey: c.key })));
  const upserts: { activityId: number; write: ParticipantWrite }[] = [];
  for (const c of candidates) {
    const write: ParticipantWrite = { data: c.data, personKey: c.key, now: ctx.now, importBatchId: ctx.batchId };
    const found = existing.get(`${c.activityId}|${c.key}`);
    if (found && found.importBatchId === ctx.batchId) {
      // Written earlier by this same import: the person appears twice in the file.
      errors.add({
        line: c.line,
        column: c.data.email ? 'email' : 'full_name',
        code: 'same_person',
        message: 'the same person appears earlier in this file for this program',
      });
      continue;
    }
    if (found) ctx.counts.updated++;
    else ctx.counts.inserted++;
    upserts.push({ activityId: c.activityId, write });
    touched.add(c.activityId);
  }
  await repos.participants.upsertMany(upserts);
}

export async function importParticipants(
  deps: ImportDeps<'programs' | 'participants' | 'reportFacts'>,
  source: RecordSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(deps, 'participants', source, options, async (ctx) => {
    const targets = new TargetCache(ctx);
    const scope = scopeOf(deps.actor);
    const touched = new Set<number>();
    const required: ParticipantColumn[][] = [['activity_identifier'], ['full_name'], ['country']];
    for await (const rows of rowsOf(source, PARTICIPANT_COLUMNS, required, ctx)) await importChunk(ctx, targets, scope, rows, touched);
    await ctx.repos.reportFacts.refresh([...touched], { participantsOnly: true });
  });
}
