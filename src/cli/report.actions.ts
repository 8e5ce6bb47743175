/** The report commands (report.commands.ts): summary, annual documents, yearly totals. */
import type { AnnualSummary } from '../domain/report/summary.js';
import { REPORT_REGION_NAMES, REPORT_REGIONS } from '../domain/reference/types.js';
import { annualReportTables, type Lang } from '../domain/report/tables.js';
import { annualReport, annualSummary, yearlyTotals, type AnnualReport } from '../services/reports.js';
import { editionFigures, editionReport } from '../services/editions.js';
import { editionDocument } from '../domain/report/edition.js';
import type { AppContext } from '../main.js';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { parseInput } from './input.js';
import { CliInputError } from './exit-codes.js';
import { json, money, table } from './format.js';
import type { AnnualOptions, CliContext, SummaryOptions } from './context.js';

export function describeSummary(s: AnnualSummary, lang: 'en' | 'id'): string {
  const name = (en: string, id: string) => (lang === 'id' ? id : en);
  const src = s.participantSources;
  const parts = [
    `${name('Annual summary', 'Ringkasan tahunan')} ${s.year}`,
    `${name('Programs', 'Program')}: ${s.programs}   ${name('Recipient countries', 'Negara penerima')}: ${s.countries}   ${name('Participants', 'Peserta')}: ${s.participants}`,
    name(
      `  participants from records: ${src.records.participants} (${src.records.programs} programs); from recorded totals: ${src.totals.participants} (${src.totals.programs} programs, ${src.totals.splitAcrossCountries} split across countries); no figure: ${src.none.programs} programs`,
      `  peserta dari data perorangan: ${src.records.participants} (${src.records.programs} program); dari jumlah tercatat: ${src.totals.participants} (${src.totals.programs} program, ${src.totals.splitAcrossCountries} dibagi antarnegara); tanpa angka: ${src.none.programs} program`,
    ),
    '',
    table(
      [name('Region', 'Kawasan'), name('Programs', 'Program'), name('Countries', 'Negara'), name('Participants', 'Peserta')],
      regionRows(s, lang),
    ),
    '',
    table(
      ['#', name('Country', 'Negara'), name('Programs', 'Program'), name('Participants', 'Peserta')],
      s.topRecipients.slice(0, 20).map((r) => [r.rank, lang === 'id' ? r.nameId : r.nameEn, r.programs, r.participants]),
    ),
    '',
    table(
      [name('Modality', 'Bentuk'), name('Programs', 'Program'), name('Participants', 'Peserta')],
      s.byModality.filter((r) => r.programs > 0).map((r) => [lang === 'id' ? r.labelId : r.labelEn, r.programs, r.participants]),
    ),
    '',
    table(
      [name('Flagship area', 'Bidang unggulan'), name('Programs', 'Program'), name('Participants', 'Peserta')],
      s.byFlagshipArea.filter((r) => r.programs > 0).map((r) => [lang === 'id' ? r.labelId : r.labelEn, r.programs, r.participants]),
    ),
  ];
  if (s.partners.length) {
    parts.push(
      '',
      table(
        [name('Triangular partner', 'Mitra triangular'), name('Programs', 'Program')],
        s.partners.map((p) => [p.acronym ?? p.org, p.programs]),
      ),
    );
  }
  parts.push(
    '',
    `${name('Spending', 'Belanja')}: USD ${money(s.spending.usdMinor)}   IDR ${money(s.spending.idrMinor)}   (${s.spending.transactions} ${name('transactions', 'transaksi')})`,
  );
  for (const m of s.spending.missingRates) {
    parts.push(
      name(
        `  no exchange rate for ${m.currency} (${m.firstDate}–${m.lastDate}): ${m.currency} ${money(m.amountMinor)} in ${m.transactions} transaction(s) left out of ${m.missing.join(' and ').toUpperCase()}`,
        `  tidak ada kurs ${m.currency} (${m.firstDate}–${m.lastDate}): ${m.currency} ${money(m.amountMinor)} dalam ${m.transactions} transaksi tidak termasuk dalam ${m.missing.join(' dan ').toUpperCase()}`,
      ),
    );
  }
  return parts.join('\n');
}

function regionRows(s: AnnualSummary, lang: 'en' | 'id') {
  return REPORT_REGIONS.map((r) => [
    REPORT_REGION_NAMES[lang][r],
    s.regions[r].programs,
    s.regions[r].countries,
    s.regions[r].participants,
  ]);
}

export function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new CliInputError(`--year must be a year (got ${value})`);
  return year;
}

export function parseLang(value: string): Lang {
  if (value !== 'en' && value !== 'id') throw new CliInputError(`--lang must be en or id (got ${value})`);
  return value;
}

const parseStages = (value: string | undefined) =>
  value === undefined ? undefined : parseInput(programListQuerySchema.pick({ stage: true }), { stage: value }, 'options').stage;

const kib = (bytes: Uint8Array) => `${Math.max(1, Math.round(bytes.length / 1024))} KB`;

export async function reportSummary(ctx: CliContext, opts: SummaryOptions): Promise<void> {
  const year = parseYear(opts.year);
  const lang = parseLang(opts.lang);
  const edition = editionNumber(opts);
  await ctx.withApp(async (app) => {
    if (edition !== undefined) {
      // The edition's figures as frozen, with its name above them.
      const { edition: e, summary } = await editionFigures(app.deps, year, edition);
      return ctx.io.out(opts.json ? json(summary) : `${lang === 'id' ? e.titleId : e.titleEn}\n${describeSummary(summary, lang)}`);
    }
    const summary = await annualSummary(app.deps, year, { stages: parseStages(opts.stage) });
    ctx.io.out(opts.json ? json(summary) : describeSummary(summary, lang));
  });
}

/** `--edition N`: read a frozen edition (which keeps its own stages: --stage does not apply). */
function editionNumber(opts: { edition?: string; stage?: string }): number | undefined {
  if (opts.edition === undefined) return undefined;
  if (opts.stage !== undefined)
    throw new CliInputError('--stage does not apply to an edition: it keeps the figures of every stage (and the public ones)');
  const n = Number(opts.edition);
  if (!Number.isInteger(n) || n < 1) throw new CliInputError(`--edition must be an edition number (1, 2, …) (got ${opts.edition})`);
  return n;
}

/** The report to write: an edition's (with its name and narrative in the language asked), else the live one. */
async function reportFor(
  app: AppContext,
  year: number,
  lang: Lang,
  edition: number | undefined,
  stages: ReturnType<typeof parseStages>,
): Promise<AnnualReport & { edition?: { title: string; narrative: string | null } }> {
  if (edition === undefined) return annualReport(app.deps, year, { stages });
  const report = await editionReport(app.deps, year, edition);
  return { ...report, edition: editionDocument(report.edition, lang) };
}

/** `mitra report annual`: the annual report as documents, from the figures of `report summary`. */
export async function reportAnnual(ctx: CliContext, opts: AnnualOptions): Promise<void> {
  const year = parseYear(opts.year);
  const lang = parseLang(opts.lang);
  if (!opts.pdf && !opts.xlsx) throw new CliInputError('say where to write the report: --pdf FILE and/or --xlsx FILE');
  const edition = editionNumber(opts);
  const stages = parseStages(opts.stage);
  await ctx.withApp(async (app) => {
    const annual = await reportFor(app, year, lang, edition, stages);
    // The writers load here, not with every command: pdfmake and ECharts take most of a second.
    if (opts.pdf) {
      const { renderAnnualReportPdf } = await import('../io/pdf/annual-report.js');
      const bytes = await renderAnnualReportPdf(annual.summary, lang, annual);
      await ctx.io.writeFile(opts.pdf, bytes);
      ctx.io.err(`wrote the ${year} report (${lang}) to ${opts.pdf} (${kib(bytes)})`);
    }
    if (opts.xlsx) {
      const { xlsxBytes } = await import('../io/xlsx-write.js');
      const bytes = await xlsxBytes(annualReportTables(annual.summary, lang, annual.edition?.title));
      await ctx.io.writeFile(opts.xlsx, bytes);
      ctx.io.err(`wrote the ${year} tables (${lang}) to ${opts.xlsx} (${kib(bytes)})`);
    }
  });
}

export async function reportYears(ctx: CliContext, opts: { json?: boolean; stage?: string }): Promise<void> {
  const stages = parseStages(opts.stage);
  await ctx.withApp(async (app) => {
    const rows = await yearlyTotals(app.deps, { stages });
    if (opts.json) return ctx.io.out(json(rows));
    ctx.io.out(
      table(
        ['year', 'programs', 'countries', 'participants', 'USD'],
        rows.map((r) => [r.year, r.programs, r.countries, r.participants, money(r.spending.usdMinor)]),
      ),
    );
  });
}
