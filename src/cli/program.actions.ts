/** The program and participant commands (program.commands.ts). */
import type { Program } from '../domain/program/program.js';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { programInputSchema, programPatchSchema } from '../domain/program/program.schema.js';
import { NotFoundError } from '../domain/errors.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { countryName } from '../domain/reference/countries.js';
import {
  createProgram,
  deleteProgram,
  getProgram,
  getProgramByIdentifier,
  listPrograms,
  patchProgram,
  replaceProgram,
} from '../services/programs.js';
import { addParticipant, listParticipants } from '../services/participants.js';
import { transitionActions } from '../domain/program/lifecycle.js';
import { transitionProgram } from '../services/lifecycle.js';
import { programHistory } from '../services/audit.js';
import type { ServiceDeps } from '../services/deps.js';
import { presentProgram } from '../server/program.present.js';
import { json, table } from './format.js';
import { parseInput, readJsonFile } from './input.js';
import type { CliContext, Flags, UpdateOptions } from './context.js';
import { CliInputError } from './exit-codes.js';

/** A program named by its identifier or its numeric id. */
export async function findProgram(deps: ServiceDeps, ref: string): Promise<Program> {
  try {
    return await getProgramByIdentifier(deps, ref);
  } catch (error) {
    if (!(error instanceof NotFoundError) || !/^\d+$/.test(ref)) throw error;
    return getProgram(deps, Number(ref));
  }
}

function describe(a: Program): string {
  const lines = [
    `${a.identifier} (id ${a.id}, version ${a.version})${a.illustrative ? '  [illustrative]' : ''}`,
    `  title (en):   ${a.titleEn ?? ''}`,
    `  title (id):   ${a.titleId ?? ''}`,
    `  modality:     ${a.modality ?? ''}    flagship area: ${a.flagshipArea ?? ''}    type: ${a.cooperationType}`,
    `  status:       ${a.activityStatus}    stage: ${a.lifecycleStage}`,
    `  dates:        ${a.actualStart ?? a.plannedStart ?? '?'} – ${a.actualEnd ?? a.plannedEnd ?? '?'}`,
    `  venue:        ${[a.venueCity, a.venueCountry].filter(Boolean).join(', ')}`,
    `  implementer:  ${a.implementingOrg ?? ''}`,
    `  recipients:   ${a.recipients.map((r) => `${countryName(r.country, 'en')}${r.percentage === null ? '' : ` ${r.percentage}%`}`).join('; ')}`,
    `  participants: ${a.participantsPlanned ?? ''} planned`,
  ];
  if (a.partners.length) lines.push(`  partners:     ${a.partners.map((p) => `${p.org} (${p.sscRole})`).join('; ')}`);
  if (a.sdgs.length) lines.push(`  SDGs:         ${a.sdgs.map((s) => s.target ?? String(s.goal)).join(', ')}`);
  return lines.join('\n');
}

export async function programsList(ctx: CliContext, opts: Flags): Promise<void> {
  const { search, json: asJson, ...rest } = opts;
  const query = parseInput(programListQuerySchema, { ...rest, q: search }, 'options');
  await ctx.withApp(async (app) => {
    const page = await listPrograms(app.deps, query);
    if (asJson) return ctx.io.out(json(page));
    ctx.io.out(
      table(
        ['identifier', 'year', 'modality', 'area', 'recipients', 'title'],
        page.items.map((a) => [a.identifier, a.year, a.modality, a.flagshipArea, a.recipients.join(' '), a.titleEn ?? a.titleId]),
      ),
    );
    ctx.io.out(`${page.total} program(s); page ${page.page} of ${Math.max(1, Math.ceil(page.total / page.pageSize))}`);
  });
}

export async function programsShow(ctx: CliContext, ref: string, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const activity = await findProgram(app.deps, ref);
    ctx.io.out(opts.json ? json(presentProgram(activity)) : describe(activity));
  });
}

export async function programsTransition(ctx: CliContext, ref: string, action: string, opts: { comment?: string }): Promise<void> {
  const code = transitionActions.parse(action);
  if (!code) throw new CliInputError(`unknown action "${action}"; expected one of ${transitionActions.codes.join(', ')}`);
  await ctx.withApp(async (app) => {
    const activity = await findProgram(app.deps, ref);
    const moved = await transitionProgram(app.deps, activity.id, { action: code, comment: opts.comment ?? null });
    ctx.io.out(`${moved.identifier}: ${activity.lifecycleStage} → ${moved.lifecycleStage}`);
  });
}

export async function programsHistory(ctx: CliContext, ref: string, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const activity = await findProgram(app.deps, ref);
    const page = await programHistory(app.deps, activity.id, { pageSize: 500 });
    if (opts.json) return ctx.io.out(json(page.items));
    for (const e of page.items) {
      ctx.io.out(
        `${e.at}  ${e.actorLabel}  ${e.action}${e.entityVersion ? ` (version ${e.entityVersion})` : ''}${e.comment ? `: ${e.comment}` : ''}`,
      );
      for (const [field, c] of Object.entries(e.changes))
        ctx.io.out(`    ${field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
    }
  });
}

export async function programsCreate(ctx: CliContext, opts: { file: string; json?: boolean }): Promise<void> {
  const input = await readJsonFile(ctx.io, opts.file, programInputSchema);
  await ctx.withApp(async (app) => {
    const activity = await createProgram(app.deps, input);
    ctx.io.out(opts.json ? json(presentProgram(activity)) : `created ${activity.identifier} (id ${activity.id})`);
  });
}

export async function programsUpdate(ctx: CliContext, ref: string, opts: UpdateOptions): Promise<void> {
  const expectedVersion = opts.expectVersion === undefined ? undefined : Number(opts.expectVersion);
  const replaceInput = opts.replace ? await readJsonFile(ctx.io, opts.file, programInputSchema) : undefined;
  const patch = opts.replace ? undefined : await readJsonFile(ctx.io, opts.file, programPatchSchema);
  await ctx.withApp(async (app) => {
    const current = await findProgram(app.deps, ref);
    const activity = replaceInput
      ? await replaceProgram(app.deps, current.id, replaceInput, { expectedVersion })
      : await patchProgram(app.deps, current.id, patch ?? {}, { expectedVersion });
    ctx.io.out(opts.json ? json(presentProgram(activity)) : `updated ${activity.identifier} (version ${activity.version})`);
  });
}

export async function programsDelete(ctx: CliContext, ref: string): Promise<void> {
  await ctx.withApp(async (app) => {
    const activity = await findProgram(app.deps, ref);
    await deleteProgram(app.deps, activity.id, { expectedVersion: activity.version });
    ctx.io.out(`deleted ${activity.identifier}`);
  });
}

export async function participantsList(ctx: CliContext, ref: string, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const activity = await findProgram(app.deps, ref);
    const { items } = await listParticipants(app.deps, activity.id);
    if (opts.json) return ctx.io.out(json(items));
    ctx.io.out(
      table(
        ['id', 'name', 'sex', 'country', 'organisation', 'status'],
        items.map((p) => [p.id, p.fullName, p.sex, p.country, p.organisation, p.status]),
      ),
    );
    ctx.io.out(`${items.length} participant(s)`);
  });
}

export async function participantsAdd(ctx: CliContext, ref: string, opts: { file: string }): Promise<void> {
  const input = await readJsonFile(ctx.io, opts.file, participantInputSchema);
  await ctx.withApp(async (app) => {
    const activity = await findProgram(app.deps, ref);
    const p = await addParticipant(app.deps, activity.id, input);
    ctx.io.out(`added ${p.fullName} (id ${p.id}) to ${activity.identifier}`);
  });
}
