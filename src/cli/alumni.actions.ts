/**
 * `mitra alumni list`, `mitra surveys list|send-due|results`, `mitra participants erase` and
 * `mitra export participants` (alumni.commands.ts; docs/participants.md, docs/privacy.md).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { alumniQuerySchema, erasureInputSchema, participantExportQuerySchema, sendDueInputSchema } from '../domain/alumni/alumni.schema.js';
import { csvRow, writeChunk } from '../io/csv-write.js';
import { alumniDirectory, exportParticipants, PARTICIPANT_EXPORT_COLUMNS } from '../services/alumni.js';
import { eraseParticipant, erasePersonOf } from '../services/privacy.js';
import { listSurveys, sendDueSurveys, surveyResults } from '../services/surveys.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext, ParticipantExportOptions } from './context.js';

function idOf(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliInputError(`${what} must be a positive whole number (got "${value}")`);
  return n;
}

export async function alumniList(
  ctx: CliContext,
  opts: { country?: string; q?: string; page: string; pageSize: string; json?: boolean },
): Promise<void> {
  const query = parseInput(alumniQuerySchema, { country: opts.country, q: opts.q, page: opts.page, pageSize: opts.pageSize }, 'options');
  await ctx.withApp(async (app) => {
    const r = await alumniDirectory(app.deps, query);
    if (opts.json) return ctx.io.out(json(r));
    ctx.io.out(
      table(
        ['id', 'name', 'country', 'organisation', 'email', 'programs'],
        r.items.map((a) => [
          a.id,
          a.fullName,
          a.country,
          a.organisation,
          a.email,
          a.programs.map((p) => `${p.identifier} (${p.year ?? '?'})`).join('; '),
        ]),
      ),
    );
    ctx.io.err(`${r.items.length} of ${r.total} person(s), page ${r.page}`);
  });
}

export async function surveysList(ctx: CliContext, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const list = await listSurveys(app.deps);
    if (opts.json) return ctx.io.out(json(list));
    ctx.io.out(
      table(
        ['code', 'months after', 'active', 'questions', 'name'],
        list.map((s) => [s.code, s.monthsAfter, s.active ? 'yes' : 'no', s.questions.length, s.nameEn]),
      ),
    );
  });
}

export async function surveysSendDue(ctx: CliContext, opts: { today?: string }): Promise<void> {
  const input = parseInput(sendDueInputSchema, { today: opts.today }, 'options');
  await ctx.withApp(async (app) => {
    const r = await sendDueSurveys(app.deps, { publicUrl: app.config.publicUrl, today: input.today });
    ctx.io.out(
      table(
        ['survey', 'invited'],
        r.invited.map((i) => [i.code, i.count]),
      ),
    );
  });
}

export async function surveysResults(ctx: CliContext, opts: { program: string; json?: boolean }): Promise<void> {
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
}

export async function participantsErase(ctx: CliContext, id: string, opts: { reason: string; wholePerson?: boolean }): Promise<void> {
  const participantId = idOf(id, 'ID');
  const input = parseInput(erasureInputSchema, { reason: opts.reason, wholePerson: !!opts.wholePerson }, 'options');
  await ctx.withApp(async (app) => {
    const results = input.wholePerson
      ? await erasePersonOf(app.deps, participantId, input.reason)
      : [await eraseParticipant(app.deps, participantId, input.reason)];
    for (const r of results)
      ctx.io.out(
        `erased participant ${r.participantId}: ${r.fields.join(', ')}; ${r.documents} document(s), ${r.certificatesRevoked} certificate(s) revoked, ${r.auditEntriesScrubbed} audit entr(y/ies) scrubbed`,
      );
  });
}

/** `mitra export participants`. */
export async function exportParticipantFile(ctx: CliContext, opts: ParticipantExportOptions): Promise<void> {
  if (opts.format !== 'csv' && opts.format !== 'xlsx') throw new CliInputError('--format must be csv or xlsx');
  if (opts.format === 'xlsx' && !opts.out) throw new CliInputError('--out is required for xlsx');
  const filter = parseInput(
    participantExportQuerySchema,
    { activityId: opts.program, country: opts.country, status: opts.status, year: opts.year },
    'options',
  );
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
      // ExcelJS loads only for an XLSX file.
      const { writeXlsx } = await import('../io/xlsx-write.js');
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
}
