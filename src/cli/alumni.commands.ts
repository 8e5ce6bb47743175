/**
 * `mitra alumni list`, `mitra surveys list|send-due|results`, `mitra participants erase` and
 * `mitra export participants` (docs/participants.md, docs/privacy.md). The CLI acts as the
 * system (the operator on the server), so it sees everything the coordination team sees.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { alumniQuerySchema, erasureInputSchema, participantExportQuerySchema, sendDueInputSchema } from '../domain/alumni/alumni.schema.js';
import { csvRow, writeChunk } from '../io/csv-write.js';
import { writeXlsx } from '../io/xlsx-write.js';
import { alumniDirectory, exportParticipants, PARTICIPANT_EXPORT_COLUMNS } from '../services/alumni.js';
import { eraseParticipant, erasePersonOf } from '../services/privacy.js';
import { listSurveys, sendDueSurveys, surveyResults } from '../services/surveys.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext } from './main.js';

function idOf(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliInputError(`${what} must be a positive whole number (got "${value}")`);
  return n;
}

export function registerAlumniCommands(program: Command, ctx: CliContext): void {
  const alumni = program.command('alumni').description('alumni across programs (personal data)');
  alumni
    .command('list')
    .description('alumni (attended or completed) as persons, with their programs')
    .option('--country <country>', 'country of the alumni (code or name)')
    .option('--q <text>', 'text in the name or organisation')
    .option('--page <n>', 'page', '1')
    .option('--page-size <n>', 'persons per page', '50')
    .option('--json', 'print JSON')
    .action(async (opts: { country?: string; q?: string; page: string; pageSize: string; json?: boolean }) => {
      const query = parseInput(alumniQuerySchema, { country: opts.country, q: opts.q, page: opts.page, pageSize: opts.pageSize }, 'options');
      await ctx.withApp(async (app) => {
        const r = await alumniDirectory(app.deps, query);
        if (opts.json) return ctx.io.out(json(r));
        ctx.io.out(table(['id', 'name', 'country', 'organisation', 'email', 'programs'], r.items.map((a) => [a.id, a.fullName, a.country, a.organisation, a.email, a.programs.map((p) => `${p.identifier} (${p.year ?? '?'})`).join('; ')])));
        ctx.io.err(`${r.items.length} of ${r.total} person(s), page ${r.page}`);
      });
    });

  const surveys = program.command('surveys').description('follow-up surveys of alumni');
  surveys
    .command('list')
    .description('the surveys and their questions')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const list = await listSurveys(app.deps);
        if (opts.json) return ctx.io.out(json(list));
        ctx.io.out(table(['code', 'months after', 'active', 'questions', 'name'], list.map((s) => [s.code, s.monthsAfter, s.active ? 'yes' : 'no', s.questions.length, s.nameEn])));
      });
    });
  surveys
    .command('send-due')
    .description('invite the alumni whose survey is due and queue their mail (links use MITRA_PUBLIC_URL)')
    .option('--today <date>', 'count from this day (YYYY-MM-DD) instead of today')
    .action(async (opts: { today?: string }) => {
      const input = parseInput(sendDueInputSchema, { today: opts.today }, 'options');
      await ctx.withApp(async (app) => {
        const r = await sendDueSurveys(app.deps, { publicUrl: app.config.publicUrl, today: input.today });
        ctx.io.out(table(['survey', 'invited'], r.invited.map((i) => [i.code, i.count])));
      });
    });
  surveys
    .command('results')
    .description("a program's survey figures per wave")
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => {
      const id = idOf(opts.program, '--program');
      await ctx.withApp(async (app) => {
        const r = await surveyResults(app.deps, id);
        if (opts.json) return ctx.io.out(json(r));
        const rows = r.waves.flatMap((w) => [
          [w.code, 'response rate', `${w.responseRate.numerator}/${w.responseRate.denominator}`, w.responseRate.percent ?? ''],
          ...w.measures.map((m) => [w.code, m.measure, `${m.yes.numerator}/${m.yes.denominator}`, m.yes.percent ?? '']),
          ...w.scales.map((s) => [w.code, `${s.questionId} (mean 1–5)`, `${s.sum}/${s.answers}`, s.average ?? '']),
        ]);
        ctx.io.out(table(['wave', 'figure', 'count', 'percent / mean'], rows));
      });
    });

  // `participants` is the group of activity.commands.ts: erasure joins it.
  const participants = program.commands.find((c) => c.name() === 'participants') ?? program.command('participants').description("a program's participants");
  participants
    .command('erase <id>')
    .description('erase a participant’s personal data on request (the counts stay); --whole-person erases every record of the person')
    .requiredOption('--reason <text>', 'why (the request), kept in the audit log')
    .option('--whole-person', 'also the person’s records in other programs')
    .action(async (id: string, opts: { reason: string; wholePerson?: boolean }) => {
      const participantId = idOf(id, 'ID');
      const input = parseInput(erasureInputSchema, { reason: opts.reason, wholePerson: !!opts.wholePerson }, 'options');
      await ctx.withApp(async (app) => {
        const results = input.wholePerson ? await erasePersonOf(app.deps, participantId, input.reason) : [await eraseParticipant(app.deps, participantId, input.reason)];
        for (const r of results) ctx.io.out(`erased participant ${r.participantId}: ${r.fields.join(', ')}; ${r.documents} document(s), ${r.certificatesRevoked} certificate(s) revoked, ${r.auditEntriesScrubbed} audit entr(y/ies) scrubbed`);
      });
    });
}

/** `mitra export participants`: joins the `export` group of export.commands.ts. */
export function registerParticipantExportCommand(exportCommand: Command, ctx: CliContext): void {
  exportCommand
    .command('participants')
    .description('participants with their personal data (CSV or XLSX)')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .option('--out <file>', 'write to this file (required for xlsx; csv goes to standard output without it)')
    .option('--program <id>', 'program id')
    .option('--country <country>', 'country of the participants')
    .option('--status <status>', 'participant status')
    .option('--year <year>', 'program year')
    .action(async (opts: { format: string; out?: string; program?: string; country?: string; status?: string; year?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'xlsx') throw new CliInputError('--format must be csv or xlsx');
      if (opts.format === 'xlsx' && !opts.out) throw new CliInputError('--out is required for xlsx');
      const filter = parseInput(participantExportQuerySchema, { activityId: opts.program, country: opts.country, status: opts.status, year: opts.year }, 'options');
      await ctx.withApp(async (app) => {
        const pages = exportParticipants(app.deps, filter);
        if (!opts.out) {
          ctx.io.out(csvRow(PARTICIPANT_EXPORT_COLUMNS).trimEnd());
          for await (const rows of pages) for (const r of rows) ctx.io.out(csvRow(r.map(String), { neutraliseFormulas: true }).trimEnd());
          return;
        }
        const out = createWriteStream(opts.out);
        let count = 0;
        if (opts.format === 'xlsx') {
          async function* rows() {
            for await (const page of pages) {
              count += page.length;
              yield* page;
            }
          }
          await writeXlsx(out, [{ title: 'participants', columns: PARTICIPANT_EXPORT_COLUMNS, rows: rows() }]);
        } else {
          await writeChunk(out, `\uFEFF${csvRow(PARTICIPANT_EXPORT_COLUMNS)}`);
          for await (const rows of pages) {
            count += rows.length;
            await writeChunk(out, rows.map((r) => csvRow(r.map(String), { neutraliseFormulas: true })).join(''));
          }
          out.end();
        }
        if (!out.writableFinished) await once(out, 'finish');
        ctx.io.err(`wrote ${count} participant(s) to ${opts.out}`);
      });
    });
}
