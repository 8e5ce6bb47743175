/**
 * `mitra export iati` (export.commands.ts): the programs of a filter as IATI 2.03 XML, to
 * standard output or a file. A file that would pass the size limit (MITRA_IATI_MAX_FILE_MB,
 * 20 MB) is written as one file per year, and a year still too big in numbered parts.
 * `mitra export iati-organisation`: the organisation file.
 */
import { createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { programListQuerySchema, type ProgramListQuery } from '../domain/program/program-query.js';
import { organisationFileQuerySchema } from '../domain/iati/organisation-figures.js';
import { formatMinor } from '../domain/money.js';
import { iatiDocument, iatiOrganisationDocument, undatedNote } from '../io/iati-write.js';
import { writeActivityParts } from '../io/iati-parts.js';
import type { AppContext } from '../main.js';
import { exportIati } from '../services/iati-export.js';
import { iatiOrganisationFile } from '../services/iati-organisation.js';
import { yearlyTotals } from '../services/reports.js';
import { parseInput } from './input.js';
import type { CliContext } from './context.js';
import { CliInputError } from './exit-codes.js';

type ExportQuery = Omit<ProgramListQuery, 'page' | 'pageSize'>;

const NO_ACTIVITY = 'no program with a date matches the filter: an IATI activity file needs at least one activity';

async function writeFile(app: AppContext, query: ExportQuery, path: string): Promise<{ count: number; undated: readonly string[] }> {
  const exported = await exportIati(app.deps, query, app.config.iatiPublisher);
  const out = createWriteStream(path);
  let count = 0;
  for await (const chunk of iatiDocument(exported.generatedAt, exported.activities, exported.undated)) {
    count += (chunk.match(/<iati-activity /g) ?? []).length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { count, undated: exported.undated };
}

export async function exportIatiFile(ctx: CliContext, opts: Record<string, string | undefined>): Promise<void> {
  const { out, maxFileMb, ...filters } = opts;
  if (maxFileMb !== undefined && !(Number(maxFileMb) > 0)) throw new CliInputError('--max-file-mb must be a positive number');
  const { page: _page, pageSize: _size, ...query } = parseInput(programListQuerySchema, { ...filters, sort: 'identifier' }, 'options');
  await ctx.withApp(async (app) => {
    if (!out) {
      const exported = await exportIati(app.deps, query, app.config.iatiPublisher);
      let count = 0;
      for await (const chunk of iatiDocument(exported.generatedAt, exported.activities, exported.undated)) {
        count += (chunk.match(/<iati-activity /g) ?? []).length;
        ctx.io.out(chunk.replace(/\n$/, ''));
      }
      if (exported.undated.length) ctx.io.err(`warning: ${undatedNote(exported.undated)}`);
      if (count === 0) ctx.io.err(`warning: ${NO_ACTIVITY}`);
      return;
    }
    const limit = Math.floor(Number(maxFileMb ?? app.config.iatiPublishing.maxFileMb) * 1024 * 1024);
    const { count, undated } = await writeFile(app, query, out);
    if (undated.length) ctx.io.err(`warning: ${undatedNote(undated)}`);
    if (count === 0) {
      // An iati-activities file needs one activity at least: an empty one would not pass the schema.
      await unlink(out);
      ctx.io.err(`warning: ${NO_ACTIVITY}; nothing written`);
      return;
    }
    const size = (await stat(out)).size;
    if (size <= limit) {
      ctx.io.err(`wrote ${count} activities to ${out} (${(size / 1024 / 1024).toFixed(1)} MB)`);
      return;
    }
    // Too big: one file per year (FILE-2018.xml), a year still too big in parts (FILE-2018-1.xml…).
    await unlink(out);
    const base = out.replace(/\.xml$/i, '');
    const years = query.year !== undefined ? [query.year] : (await yearlyTotals(app.deps)).map((y) => y.year);
    let written = 0;
    for (const year of years) {
      const exported = await exportIati(app.deps, { ...query, year }, app.config.iatiPublisher);
      const parts = await writeActivityParts(
        query.year !== undefined ? base : `${base}-${year}`,
        exported.generatedAt,
        exported.activities,
        limit,
      );
      for (const part of parts) {
        ctx.io.err(`wrote ${part.count} activities to ${part.path}`);
        written += part.count;
        if (part.bytes > limit) ctx.io.err(`warning: ${part.path} is over the limit: one activity in it is bigger than that alone`);
      }
    }
    const missing = count - written;
    if (missing > 0)
      ctx.io.err(
        `warning: ${missing} program(s) without start dates are in no yearly file; give them dates, or export them with a narrower filter`,
      );
  });
}

/** `mitra export iati-organisation`: the reporting organisation's file, to standard output or a file; what it leaves out on standard error. */
export async function exportIatiOrganisation(ctx: CliContext, opts: Record<string, string | undefined>): Promise<void> {
  const { out, ...options } = opts;
  const { currency, from, to, stage } = parseInput(organisationFileQuerySchema, options, 'options');
  await ctx.withApp(async (app) => {
    const file = await iatiOrganisationFile(app.deps, {
      publisher: app.config.iatiPublisher,
      currency,
      years: from !== undefined && to !== undefined ? { from, to } : undefined,
      stages: stage,
      publicUrl: app.config.publicUrlSet ? app.config.publicUrl : null,
    });
    const xml = iatiOrganisationDocument(file);
    for (const warning of file.warnings) ctx.io.err(`warning: ${warning}`);
    if (!app.config.publicUrlSet)
      ctx.io.err('note: no document-link to the annual reports (set MITRA_PUBLIC_URL to the address people reach Mitra at)');
    if (!out) {
      ctx.io.out(xml.replace(/\n$/, ''));
      return;
    }
    await ctx.io.writeFile(out, new TextEncoder().encode(xml));
    const { totals } = file;
    const budgets = totals.budgets.map((b) => `${b.year} ${formatMinor(b.valueMinor)}`).join(', ') || 'none';
    const spent = totals.expenditure.map((e) => `${e.year} ${formatMinor(e.valueMinor)}`).join(', ') || 'none';
    ctx.io.err(
      `wrote the organisation file of ${totals.programs} program(s) to ${out}: total budget (${totals.currency}) ${budgets}; total expenditure ${spent}`,
    );
  });
}
