/**
 * Writes an edition's bundle (docs/bundle.md): from the programs one edition froze, in one
 * action, the annual report (PDF and XLSX, Indonesian and English, fit to send), the IATI
 * activity and organisation files, the TOSSD reporting file, the SEGIB-style sheet, the UN SDG
 * 17.3.1 table, and the reconciliation of their headline totals with the checklist of what the
 * records lack — all into a new folder, with a manifest of the files and their SHA-256.
 *
 * The programs are read twice from the frozen records (once for the IATI activity file, whose
 * writer pulls them; once for every other output, page by page), so memory holds a page and the
 * outputs' running totals, not the year. The folder is written beside the target and renamed
 * into place at the end: a failure leaves no half-written bundle.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { HeadlineTally } from '../domain/bundle/headline-tally.js';
import {
  checklistSummary,
  reconcile,
  reconciliationSheets,
  unexplainedDifferences,
  type ReconciliationRow,
} from '../domain/bundle/reconcile.js';
import { IatiTotals, ReportOutput } from '../domain/bundle/report-output.js';
import type { BundleContext, BundleOutputBuilder, ChecklistItem, FrozenProgram, OutputTotals } from '../domain/bundle/types.js';
import { OrganisationFigures, missingRateWarnings } from '../domain/iati/organisation-figures.js';
import { iatiOrganisationNode } from '../domain/iati/organisation-xml.js';
import { editionDocument, type Edition } from '../domain/report/edition.js';
import { annualReportTables, type Lang } from '../domain/report/tables.js';
import type { Deps } from '../services/deps.js';
import type { Framework } from '../domain/results/framework.js';
import { bundleSource, type BundleOptions, type BundleRepos } from '../services/edition-bundle.js';
import { exportPages, type IatiPublisher } from '../services/iati-export.js';
import { csvRow } from './csv-write.js';
import { iatiDocument, iatiOrganisationDocument } from './iati-write.js';
import { renderAnnualReportPdf } from './pdf/annual-report.js';
import { XlsxStream, writeXlsx, xlsxBytes } from './xlsx-write.js';

/** The standards' outputs (TOSSD, SEGIB, UN) plug in here, each built from the same pages. */
export type BuilderFactory = (context: BundleContext) => BundleOutputBuilder;

export interface BundleWriteOptions extends BundleOptions {
  readonly publisher: IatiPublisher;
  /** The outputs built from the pages besides the report and IATI (TOSSD, SEGIB, UN). */
  readonly builders: readonly BuilderFactory[];
  /** Called at the end of each step with its name (bench/bundle.ts times the steps with it). */
  readonly onStep?: (step: string) => void;
}

export interface BundleFileInfo {
  readonly name: string;
  /** What the file is, in words. */
  readonly what: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BundleResult {
  readonly edition: Edition;
  readonly dir: string;
  readonly files: readonly BundleFileInfo[];
  readonly reconciliation: readonly ReconciliationRow[];
  readonly unexplained: readonly ReconciliationRow[];
  readonly checklist: readonly ChecklistItem[];
  /** false when the edition predates whole records and the standards' files use the live records. */
  readonly wholeRecords: boolean;
  readonly outputs: readonly OutputTotals[];
}

/**
 * Appends one list to another. Not `push(...items)`: spreading passes each item as an argument on
 * the stack, and a 100,000-program year's checklist (hundreds of thousands of items) overflows it.
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

async function sha256Of(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

async function writeAll(out: Writable, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await finished(out);
}

/** The target must be new or empty: a bundle never mixes with other files. */
async function checkTarget(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (entries && entries.length > 0) throw new BundleTargetError(`${dir} is not empty: give a new or empty folder for the bundle`);
}

export class BundleTargetError extends Error {
  override readonly name = 'BundleTargetError';
}

/** An output's own workbook: its main sheet page by page, then its other sheets. */
class OutputBook {
  private readonly book: XlsxStream;
  private readonly stream: Writable;
  private sheet: ReturnType<XlsxStream['sheet']> | null = null;
  private readonly csv: Writable | null;

  constructor(
    readonly builder: BundleOutputBuilder,
    readonly xlsxPath: string,
    readonly csvPath: string | null,
  ) {
    this.stream = createWriteStream(xlsxPath);
    this.book = new XlsxStream(this.stream);
    this.csv = csvPath ? createWriteStream(csvPath) : null;
    if (this.csv) this.csv.write(`\uFEFF${csvRow(builder.main.columns.map(String))}`);
  }

  async add(page: readonly FrozenProgram[]): Promise<void> {
    const rows = this.builder.add(page);
    this.sheet ??= this.book.sheet(this.builder.main.name, this.builder.main.columns, rows);
    for (const row of rows) this.sheet.add(row);
    await this.sheet.drained(); // the sheet's text waiting for the file stays bounded
    if (this.csv && rows.length > 0) {
      const text = rows
        .map((r) =>
          csvRow(
            r.map((c) => (c === null ? '' : String(c))),
            { neutraliseFormulas: true },
          ),
        )
        .join('');
      if (!this.csv.write(text)) await once(this.csv, 'drain');
    }
  }

  async finish(): Promise<ReturnType<BundleOutputBuilder['finish']>> {
    this.sheet ??= this.book.sheet(this.builder.main.name, this.builder.main.columns);
    await this.sheet.commit();
    const done = this.builder.finish();
    for (const extra of done.sheets) {
      const sheet = this.book.sheet(extra.name, extra.columns, extra.rows);
      for (const row of extra.rows) sheet.add(row);
      await sheet.commit();
    }
    await this.book.close();
    await finished(this.stream);
    if (this.csv) {
      this.csv.end();
      await finished(this.csv);
    }
    return done;
  }
}

const OUTPUT_FILES: Record<string, { stem: string; what: string; csv: boolean }> = {
  tossd: { stem: 'tossd', what: 'TOSSD reporting file (docs/tossd.md)', csv: true },
  segib: { stem: 'segib', what: 'SEGIB-style sheet of initiatives (docs/segib.md)', csv: false },
  un: { stem: 'un-sdg-17-3-1', what: 'UN SDG 17.3.1 / Conceptual Framework table (docs/un-ssc.md)', csv: false },
};

/** Is the program one the organisation file counts: its own, not one imported from another publisher? */
const ownProgram = (p: FrozenProgram, publisherRef: string) =>
  p.program.source !== 'iati' || !p.program.iatiDetails?.reportingOrg?.ref || p.program.iatiDetails.reportingOrg.ref === publisherRef;

export async function writeEditionBundle(
  deps: Deps<BundleRepos | 'participants'>,
  year: number,
  number: number,
  options: BundleWriteOptions,
  target: string,
): Promise<BundleResult> {
  const dir = resolve(target);
  await checkTarget(dir);
  const source = await bundleSource(deps, year, number, options);
  const { edition, summary, context } = source;
  options.onStep?.('edition, figures and context');
  await mkdir(dirname(dir), { recursive: true });
  const work = await mkdtemp(join(dirname(dir), `.${basename(dir)}.partial-`));
  const files: Omit<BundleFileInfo, 'bytes' | 'sha256'>[] = [];
  const stem = `${year}-edition-${number}`;
  try {
    const generatedAt = deps.clock.nowIso();

    // 1. The IATI activity file: the frozen programs as IATI 2.03 activities.
    const iatiName = `iati-activities-${stem}.xml`;
    // The frameworks as frozen (docs/results.md), filled page by page as the export reads them.
    const frozenResults = new Map<number, Framework>();
    async function* programs() {
      for await (const page of source.pages()) {
        for (const p of page) frozenResults.set(p.program.id, { results: [...(p.results ?? [])], nextId: 1 });
        yield page.map((p) => p.program);
      }
    }
    const exported = await exportPages(deps, programs(), options.publisher, { frozenResults });
    await writeAll(createWriteStream(join(work, iatiName)), iatiDocument(generatedAt, exported.activities, exported.undated));
    files.push({ name: iatiName, what: 'IATI 2.03 activity file of the edition’s programs' });
    options.onStep?.('IATI activity file');

    // 2. Every other output from one more reading of the pages.
    // The ledger: the frozen programs' own headline totals, which every output is reconciled to.
    const ledger = new HeadlineTally();
    const report = new ReportOutput(context, summary);
    const iati = new IatiTotals();
    const organisation = new OrganisationFigures('USD', { from: year, to: year });
    const books = options.builders.map((factory) => {
      const builder = factory(context);
      const f = OUTPUT_FILES[builder.output] ?? { stem: builder.output, what: builder.output, csv: false };
      const xlsx = `${f.stem}-${stem}.xlsx`;
      const csv = f.csv ? `${f.stem}-${stem}.csv` : null;
      files.push({ name: xlsx, what: f.what });
      if (csv) files.push({ name: csv, what: `${f.what}, main sheet as CSV` });
      return new OutputBook(builder, join(work, xlsx), csv ? join(work, csv) : null);
    });
    for await (const page of source.pages()) {
      for (const p of page) ledger.add(p);
      report.add(page);
      iati.add(page);
      for (const p of page)
        if (ownProgram(p, options.publisherRef))
          organisation.add(
            {
              id: p.program.id,
              year: p.program.year,
              stage: p.program.lifecycleStage,
              updatedAt: p.program.updatedAt,
              recipients: p.program.recipients,
              budgets: p.program.budgets,
              transactions: p.program.transactions,
            },
            context.rates,
          );
      for (const book of books) await book.add(page);
    }
    options.onStep?.('second reading: ledger, report, IATI and organisation totals, TOSSD/SEGIB/UN rows');
    const outputs: OutputTotals[] = [];
    const checklist: ChecklistItem[] = [...source.checklist];
    const reportDone = report.finish();
    const iatiDone = iati.finish();
    outputs.push(reportDone.totals, iatiDone.totals);
    append(checklist, reportDone.checklist);
    append(checklist, iatiDone.checklist);
    for (const book of books) {
      const done = await book.finish();
      outputs.push(done.totals);
      append(checklist, done.checklist);
    }
    options.onStep?.('TOSSD/SEGIB/UN workbooks finished');

    // 3. The IATI organisation file: the edition's own programs' budgets and spending of the year.
    const orgTotals = organisation.totals();
    const { ref, nameEn, nameId, type } = options.publisher;
    const orgName = `iati-organisation-${stem}.xml`;
    await writeFile(
      join(work, orgName),
      iatiOrganisationDocument({
        generatedAt,
        organisation: iatiOrganisationNode(orgTotals, { publisher: { ref, nameEn, nameId, type }, generatedAt, documents: [] }),
        warnings: missingRateWarnings(orgTotals),
      }),
    );
    files.push({ name: orgName, what: 'IATI 2.03 organisation file: the edition’s own programs’ budgets and spending of the year' });
    options.onStep?.('IATI organisation file');

    // 4. The annual report in both languages, as sent: the edition's figures, name and foreword.
    const extras = report.extras();
    for (const lang of ['id', 'en'] as const satisfies readonly Lang[]) {
      const name = lang === 'id' ? `laporan-tahunan-${year}-edisi-${number}` : `annual-report-${stem}`;
      const document = editionDocument(edition, lang);
      const pdf = await renderAnnualReportPdf(summary, lang, { stages: undefined, generatedAt, edition: document, extras });
      await writeFile(join(work, `${name}.pdf`), pdf);
      const tables = annualReportTables(summary, lang, document.title, extras);
      await writeFile(
        join(work, `${name}.xlsx`),
        await xlsxBytes(tables.map((t) => ({ title: t.title, columns: t.columns, rows: t.rows }))),
      );
      const what = lang === 'id' ? 'Annual report in Indonesian' : 'Annual report in English';
      files.push({ name: `${name}.pdf`, what: `${what} (PDF)` }, { name: `${name}.xlsx`, what: `${what}, its tables (XLSX)` });
      options.onStep?.(`annual report (${lang}), PDF and XLSX`);
    }

    // 5. The reconciliation and the checklist.
    const totals = ledger.totals();
    const rows = reconcile(totals, outputs);
    const unexplained = unexplainedDifferences(rows);
    for (const r of unexplained)
      checklist.push({
        output: r.output,
        field: r.headline,
        identifier: null,
        message: `unexplained difference of ${r.unexplained} between the edition (${r.ledger}) and the output (${r.output_total ?? ''})`,
      });
    const reconName = `reconciliation-${stem}.xlsx`;
    // The workbook summarises the checklist by output and field; the CSV lists every item
    // (at 100,000 programs ~850,000 of them).
    const reconStream = createWriteStream(join(work, reconName));
    await writeXlsx(
      reconStream,
      [...reconciliationSheets(totals, outputs), checklistSummary(checklist)].map((s) => ({
        title: s.name,
        columns: s.columns,
        rows: s.rows,
      })),
    );
    await finished(reconStream);
    files.push({ name: reconName, what: 'Reconciliation of the headline totals across the outputs, the rules, and the checklist' });
    const checklistName = `checklist-${stem}.csv`;
    function* checklistCsv() {
      yield `\uFEFF${csvRow(['Output', 'Field', 'Program', 'What is missing'])}`;
      // A thousand rows a write: not one string of the whole file (100 MB at 100,000 programs).
      for (let i = 0; i < checklist.length; i += 1000)
        yield checklist
          .slice(i, i + 1000)
          .map((c) => csvRow([c.output, c.field, c.identifier ?? '', c.message], { neutraliseFormulas: true }))
          .join('');
    }
    await writeAll(createWriteStream(join(work, checklistName)), checklistCsv());
    files.push({ name: checklistName, what: 'Checklist of the fields the standards ask for and the records lack' });
    options.onStep?.('reconciliation and checklist');

    // 6. The manifest.
    const rounds = (await deps.store.repos.editions.rounds(edition.id)).map(({ round, parts }) => ({
      id: round.id,
      period: round.period,
      deadline: round.deadlineDate,
      status: round.status,
      parts: parts.map((p) => ({ agency: p.orgCode, status: p.status, confirmedBy: p.confirmedBy, confirmedAt: p.confirmedAt })),
    }));
    const infos: BundleFileInfo[] = [];
    for (const f of files) infos.push({ ...f, ...(await sha256Of(join(work, f.name))) });
    await writeFile(
      join(work, 'manifest.json'),
      `${JSON.stringify(
        {
          edition: {
            year,
            number,
            titleEn: edition.titleEn,
            titleId: edition.titleId,
            status: edition.status,
            frozenAt: edition.frozenAt,
            frozenBy: edition.frozenBy,
            overrideReason: edition.overrideReason,
            errataReason: edition.errataReason,
          },
          // The collection rounds the figures were collected in, as they stood at the freeze.
          rounds,
          generatedAt,
          programs: source.programCount,
          wholeRecords: source.wholeRecords,
          files: infos,
          ledger: totals,
          unexplainedDifferences: unexplained.length,
          checklistItems: checklist.length,
        },
        null,
        2,
      )}\n`,
    );
    // Into place: the empty target (if any) gives way to the finished folder.
    await rmdir(dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(work, dir);
    options.onStep?.('manifest (SHA-256 of every file)');
    return { edition, dir, files: infos, reconciliation: rows, unexplained, checklist, wholeRecords: source.wholeRecords, outputs };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
