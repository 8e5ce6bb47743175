import type { Command } from 'commander';
import type { Activity } from '../domain/activity/activity.js';
import { activityListQuerySchema } from '../domain/activity/activity-query.js';
import { activityInputSchema, activityPatchSchema } from '../domain/activity/activity.schema.js';
import { NotFoundError } from '../domain/errors.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { countryName } from '../domain/reference/countries.js';
import {
  createActivity,
  deleteActivity,
  getActivity,
  getActivityByIdentifier,
  listActivities,
  patchActivity,
  replaceActivity,
} from '../services/activities.js';
import { addParticipant, listParticipants } from '../services/participants.js';
import { transitionActions } from '../domain/activity/lifecycle.js';
import { transitionActivity } from '../services/lifecycle.js';
import { activityHistory } from '../services/audit.js';
import type { ServiceDeps } from '../services/ports.js';
import { presentActivity } from '../server/activity.present.js';
import { json, table } from './format.js';
import { parseInput, readJsonFile } from './input.js';
import { jsonOption, type CliContext } from './main.js';
import { CliInputError } from './exit-codes.js';

/** A program named by its identifier or its numeric id. */
export async function findActivity(deps: ServiceDeps, ref: string): Promise<Activity> {
  try {
    return await getActivityByIdentifier(deps, ref);
  } catch (error) {
    if (!(error instanceof NotFoundError) || !/^\d+$/.test(ref)) throw error;
    return getActivity(deps, Number(ref));
  }
}

function describe(a: Activity): string {
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

export function registerActivityCommands(program: Command, ctx: CliContext): void {
  const activities = program.command('activities').alias('programs').description('programs (IATI activities)');

  activities
    .command('list')
    .description('list programs with filters')
    .option('--year <year>', 'year of the (actual, else planned) start')
    .option('--modality <code>', 'training, seminar, workshop, expert_dispatch, … (English or Indonesian)')
    .option('--flagship-area <code>', 'DEV-POV, DEV-AGR, …, OTHER')
    .option('--region <region>', 'asia, oceania, africa, americas, europe')
    .option('--country <country>', 'recipient country (code or name)')
    .option('--cooperation-type <type>', 'bilateral, triangular, regional')
    .option('--status <status>', 'activity status (pipeline, implementation, closed, …)')
    .option('--stage <stage>', 'lifecycle stage')
    .option('--partner <code>', 'partner organisation code')
    .option('--implementing-org <code>', 'implementing organisation code')
    .option('--search <text>', 'free text in identifier, titles and descriptions')
    .option('--sort <key>', 'identifier, title, start, end, year, modality, updated; prefix "-" for descending')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'rows per page (max 500)', '50')
    .addOption(jsonOption())
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { search, json: asJson, ...rest } = opts;
      const query = parseInput(activityListQuerySchema, { ...rest, q: search }, 'options');
      await ctx.withApp(async (app) => {
        const page = await listActivities(app.deps, query);
        if (asJson) return ctx.io.out(json(page));
        ctx.io.out(
          table(
            ['identifier', 'year', 'modality', 'area', 'recipients', 'title'],
            page.items.map((a) => [a.identifier, a.year, a.modality, a.flagshipArea, a.recipients.join(' '), a.titleEn ?? a.titleId]),
          ),
        );
        ctx.io.out(`${page.total} program(s); page ${page.page} of ${Math.max(1, Math.ceil(page.total / page.pageSize))}`);
      });
    });

  activities
    .command('show <ref>')
    .description('show a program (identifier or id)')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const activity = await findActivity(app.deps, ref);
        ctx.io.out(opts.json ? json(presentActivity(activity)) : describe(activity));
      });
    });

  activities
    .command('transition <ref> <action>')
    .description(`move a program through the assistance process: ${transitionActions.codes.join(', ')}`)
    .option('--comment <text>', 'why (required to reject, return or cancel)')
    .action(async (ref: string, action: string, opts: { comment?: string }) => {
      const code = transitionActions.parse(action);
      if (!code) throw new CliInputError(`unknown action "${action}"; expected one of ${transitionActions.codes.join(', ')}`);
      await ctx.withApp(async (app) => {
        const activity = await findActivity(app.deps, ref);
        const moved = await transitionActivity(app.deps, activity.id, { action: code, comment: opts.comment ?? null });
        ctx.io.out(`${moved.identifier}: ${activity.lifecycleStage} → ${moved.lifecycleStage}`);
      });
    });

  activities
    .command('history <ref>')
    .description("a program's history: creation, changes and transitions, with who and when")
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const activity = await findActivity(app.deps, ref);
        const page = await activityHistory(app.deps, activity.id, { pageSize: 500 });
        if (opts.json) return ctx.io.out(json(page.items));
        for (const e of page.items) {
          ctx.io.out(`${e.at}  ${e.actorLabel}  ${e.action}${e.entityVersion ? ` (version ${e.entityVersion})` : ''}${e.comment ? `: ${e.comment}` : ''}`);
          for (const [field, c] of Object.entries(e.changes)) ctx.io.out(`    ${field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
        }
      });
    });

  activities
    .command('create')
    .description('register a program from a JSON file (same fields as the API; "-" reads standard input)')
    .requiredOption('--file <path>', 'JSON file')
    .addOption(jsonOption())
    .action(async (opts: { file: string; json?: boolean }) => {
      const input = await readJsonFile(ctx.io, opts.file, activityInputSchema);
      await ctx.withApp(async (app) => {
        const activity = await createActivity(app.deps, input);
        ctx.io.out(opts.json ? json(presentActivity(activity)) : `created ${activity.identifier} (id ${activity.id})`);
      });
    });

  activities
    .command('update <ref>')
    .description('change a program from a JSON file: only the fields given change (--replace: the file is the whole program)')
    .requiredOption('--file <path>', 'JSON file')
    .option('--replace', 'replace the whole program (fields left out are cleared)')
    .option('--expect-version <n>', 'fail if the program is no longer at this version')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { file: string; replace?: boolean; expectVersion?: string; json?: boolean }) => {
      const expectedVersion = opts.expectVersion === undefined ? undefined : Number(opts.expectVersion);
      const replaceInput = opts.replace ? await readJsonFile(ctx.io, opts.file, activityInputSchema) : undefined;
      const patch = opts.replace ? undefined : await readJsonFile(ctx.io, opts.file, activityPatchSchema);
      await ctx.withApp(async (app) => {
        const current = await findActivity(app.deps, ref);
        const activity = replaceInput
          ? await replaceActivity(app.deps, current.id, replaceInput, { expectedVersion })
          : await patchActivity(app.deps, current.id, patch ?? {}, { expectedVersion });
        ctx.io.out(opts.json ? json(presentActivity(activity)) : `updated ${activity.identifier} (version ${activity.version})`);
      });
    });

  activities
    .command('delete <ref>')
    .description('delete a program and its participants')
    .action(async (ref: string) => {
      await ctx.withApp(async (app) => {
        const activity = await findActivity(app.deps, ref);
        await deleteActivity(app.deps, activity.id, { expectedVersion: activity.version });
        ctx.io.out(`deleted ${activity.identifier}`);
      });
    });

  const participants = program.command('participants').description("a program's participants");

  participants
    .command('list <activity>')
    .description("list a program's participants")
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const activity = await findActivity(app.deps, ref);
        const { items } = await listParticipants(app.deps, activity.id);
        if (opts.json) return ctx.io.out(json(items));
        ctx.io.out(table(['id', 'name', 'sex', 'country', 'organisation', 'status'], items.map((p) => [p.id, p.fullName, p.sex, p.country, p.organisation, p.status])));
        ctx.io.out(`${items.length} participant(s)`);
      });
    });

  participants
    .command('add <activity>')
    .description('add a participant from a JSON file')
    .requiredOption('--file <path>', 'JSON file')
    .action(async (ref: string, opts: { file: string }) => {
      const input = await readJsonFile(ctx.io, opts.file, participantInputSchema);
      await ctx.withApp(async (app) => {
        const activity = await findActivity(app.deps, ref);
        const p = await addParticipant(app.deps, activity.id, input);
        ctx.io.out(`added ${p.fullName} (id ${p.id}) to ${activity.identifier}`);
      });
    });
}
