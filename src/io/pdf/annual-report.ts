/**
 * The annual report as a PDF (A4 portrait), in English or Indonesian: a cover, every table of
 * the annual report (domain/report/tables.ts, the XLSX's tables under the same headings), bar
 * charts (ECharts rendered to SVG) and the world map of programs per recipient country, all
 * as vector graphics, with page numbers in the footer. pdfmake lays it out (STACK.md).
 */
import { lifecycleStages, type LifecycleStage } from '../../domain/codes.js';
import { formatMinor } from '../../domain/money.js';
import { REPORT_REGIONS } from '../../domain/reference/types.js';
import type { ProgramAchievements } from '../../domain/report/achievements.js';
import { MAP_SCALE } from '../../domain/report/world-map.js';
import type { AnnualSummary, BreakdownRow } from '../../domain/report/summary.js';
import {
  annualReportTables,
  type Cell,
  type Lang,
  type ReportTable,
  type ReportTableKey,
  type SendingExtras,
} from '../../domain/report/tables.js';
import { barChartSvg, CHART_COLOURS } from './charts.js';
import { formatsFor, PDF_LABELS, type PdfLabels } from './labels.js';
import { renderPdf, type Content, type TableCell, type TDocumentDefinitions } from './pdfmake.js';
import { worldMapSvg } from './world-map-svg.js';

export interface AnnualReportPdfOptions {
  /** The lifecycle stages the figures count; undefined when every stage is counted. */
  readonly stages: readonly LifecycleStage[] | undefined;
  /** When the report is generated (ISO instant, from the service clock). */
  readonly generatedAt: string;
  /**
   * The frozen edition the figures come from: its name in the document's language ("Laporan
   * Tahunan 2018, edisi 1, 15 Maret 2019"), on the cover, in the footer and as the PDF's title,
   * and its narrative (foreword), on a page of its own after the cover.
   */
  readonly edition?: { readonly title: string; readonly narrative: string | null };
  /** The report as sent from an edition's bundle: the list of programs, participants by sex, in-kind (docs/bundle.md). */
  readonly extras?: SendingExtras;
  /** The programs' results frameworks for the achievements section (live; an edition's come in `extras`). */
  readonly achievements?: readonly ProgramAchievements[];
}

/** Programs the PDF lists at most (a year of 100,000 programs would be thousands of pages); the XLSX lists all. */
export const PDF_PROGRAM_ROWS = 1_500;

/** A4 is 595.28 × 841.89 pt; with 50 pt margins the text column is 495 pt wide. */
const PAGE_MARGIN = 50;
const CONTENT_WIDTH = 495;
const ACCENT = '#1f6f8b';
const MUTED = '#5b6770';
const WARNING = '#a3321b';

interface Ctx {
  readonly s: AnnualSummary;
  /** The frozen edition's name, when the figures come from one. */
  readonly edition: string | undefined;
  readonly lang: Lang;
  readonly l: PdfLabels;
  readonly f: ReturnType<typeof formatsFor>;
  readonly extras: SendingExtras | undefined;
  readonly achievements: readonly ProgramAchievements[] | undefined;
}

export type NumberKind = 'count' | 'amount' | 'percent' | 'plain';

/**
 * How a number of a table is shown. The tables carry plain numbers (for spreadsheets); the
 * rows of `summary` are year, counts, then the USD and IDR totals (tested in annual-report.test.ts).
 */
export function numberKind(key: ReportTable['key'], row: number, column: number): NumberKind {
  if (key === 'summary') return row === 0 ? 'plain' : row >= 6 ? 'amount' : 'count';
  if (key === 'spending' && column === 1) return 'amount';
  if (key === 'groupings' && column >= 5) return 'percent';
  return 'count';
}

function cellText(ctx: Ctx, table: ReportTable, row: number, column: number, cell: Cell): string {
  if (typeof cell === 'string') return cell;
  const kind = table.formats?.[column] ?? numberKind(table.key, row, column);
  if (kind === 'plain') return String(cell);
  if (kind === 'count') return ctx.f.count(cell);
  return ctx.f.decimal(cell);
}

/** The widest text column takes the free width; the others fit their content. */
function columnWidths(table: ReportTable): string[] {
  const length = (c: number) =>
    Math.max(table.columns[c]?.length ?? 0, ...table.rows.map((r) => (typeof r[c] === 'string' ? String(r[c]).length : 0)));
  const textColumns = table.columns.map((_, c) => c).filter((c) => table.rows.some((r) => typeof r[c] === 'string'));
  // On a tie the later column (a name after its code) takes the width.
  const widest = textColumns.sort((a, b) => length(b) - length(a) || b - a)[0] ?? 0;
  return table.columns.map((_, c) => (c === widest ? '*' : 'auto'));
}

function reportTable(ctx: Ctx, table: ReportTable): Content {
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c] === 'number'));
  const head: TableCell[] = table.columns.map((c, i) => ({ text: c, style: 'th', alignment: numeric[i] ? 'right' : 'left' }));
  const body: TableCell[][] = table.rows.map((r, row) =>
    r.map((cell, column) => ({
      text: cellText(ctx, table, row, column, cell),
      alignment: typeof cell === 'number' ? 'right' : 'left',
    })),
  );
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: columnWidths(table), body: [head, ...body] },
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#b8c4cc',
      fillColor: (i: number) => (i === 0 ? '#e8f0f4' : null),
    },
    style: 'table',
  };
}

const heading = (text: string): Content => ({ text, style: 'h2' });
const note = (text: string, colour = MUTED): Content => ({ text, style: 'note', color: colour });
const caption = (text: string): Content => ({ text, style: 'caption' });

function chart(ctx: Ctx, rows: readonly { label: string; value: number }[], colour: string, width: number, horizontal: boolean): Content {
  return {
    svg: barChartSvg({
      categories: rows.map((r) => r.label),
      values: rows.map((r) => r.value),
      colour,
      width,
      horizontal,
      formatValue: ctx.f.count,
    }),
    width,
  };
}

function breakdownChart(ctx: Ctx, title: string, rows: readonly BreakdownRow[]): Content {
  const used = rows.filter((r) => r.programs > 0).map((r) => ({ label: ctx.lang === 'id' ? r.labelId : r.labelEn, value: r.programs }));
  if (used.length === 0) return [];
  return { stack: [caption(title), chart(ctx, used, CHART_COLOURS.programs, CONTENT_WIDTH, true)], unbreakable: true };
}

/** Programs and participants per region; the names are the regions table's (one row per REPORT_REGIONS entry, in order). */
function regionCharts(ctx: Ctx, regions: ReportTable | undefined): Content {
  const names = (regions?.rows ?? []).map((r) => String(r[0]));
  const half = (CONTENT_WIDTH - 15) / 2;
  const rows = (pick: (r: (typeof REPORT_REGIONS)[number]) => number) =>
    REPORT_REGIONS.map((r, i) => ({ label: names[i] ?? r, value: pick(r) }));
  return {
    columns: [
      {
        stack: [
          caption(ctx.l.programsByRegion),
          chart(
            ctx,
            rows((r) => ctx.s.regions[r].programs),
            CHART_COLOURS.programs,
            half,
            false,
          ),
        ],
        width: half,
      },
      {
        stack: [
          caption(ctx.l.participantsByRegion),
          chart(
            ctx,
            rows((r) => ctx.s.regions[r].participants),
            CHART_COLOURS.participants,
            half,
            false,
          ),
        ],
        width: half,
      },
    ],
    columnGap: 15,
    unbreakable: true,
  };
}

/** The map's colour classes, lightest to darkest, between the smallest and largest value. */
function mapLegend(ctx: Ctx, max: number): Content {
  const swatch = 18;
  return {
    columns: [
      { text: ctx.f.count(1), width: 'auto', style: 'note', margin: [0, 1, 4, 0] },
      {
        canvas: MAP_SCALE.map((color, i) => ({ type: 'rect' as const, x: i * swatch, y: 2, w: swatch, h: 8, color })),
        width: MAP_SCALE.length * swatch,
      },
      { text: ctx.f.count(max), width: 'auto', style: 'note', margin: [4, 1, 12, 0] },
      { text: ctx.l.mapLegend, width: '*', style: 'note', color: MUTED },
    ],
  };
}

function worldMap(ctx: Ctx): Content {
  const values = new Map(ctx.s.topRecipients.map((r) => [r.country, r.programs]));
  const max = Math.max(0, ...values.values());
  return {
    stack: [caption(ctx.l.mapTitle), { svg: worldMapSvg(values), width: CONTENT_WIDTH }, ...(max > 0 ? [mapLegend(ctx, max)] : [])],
    unbreakable: true,
  };
}

function spendingNotes(ctx: Ctx): Content[] {
  const sp = ctx.s.spending;
  const totals = ctx.l.spendingTotals({
    year: ctx.s.year,
    usd: ctx.f.decimal(formatMinor(sp.usdMinor)),
    idr: ctx.f.decimal(formatMinor(sp.idrMinor)),
    transactions: ctx.f.count(sp.transactions),
    count: sp.transactions,
  });
  const missing = sp.missingRates.map((m) =>
    note(
      ctx.l.missingRate({
        currency: m.currency,
        dates: m.firstDate === m.lastDate ? ctx.f.day(m.firstDate) : `${ctx.f.day(m.firstDate)}–${ctx.f.day(m.lastDate)}`,
        amount: ctx.f.decimal(formatMinor(m.amountMinor)),
        transactions: ctx.f.count(m.transactions),
        count: m.transactions,
        totals: m.missing.map((x) => x.toUpperCase()).join(ctx.lang === 'id' ? ' dan ' : ' and '),
        totalCount: m.missing.length,
      }),
      WARNING,
    ),
  );
  return [{ text: totals, style: 'body' }, ...(missing.length > 0 ? missing : sp.transactions > 0 ? [note(ctx.l.allRatesKnown)] : [])];
}

function scopeText(ctx: Ctx, stages: AnnualReportPdfOptions['stages']): string {
  if (!stages) return ctx.l.scopeAll;
  return ctx.l.scopeStages(stages.map((s) => lifecycleStages.label(s, ctx.lang)).join(', '));
}

/** Hyphenated words ("Selatan-Selatan") kept on one line: a title never breaks after their hyphen. */
function unbrokenAtHyphens(text: string): (string | { text: string; noWrap: true })[] {
  return text
    .split(/(\S+-\S+)/)
    .filter((part) => part !== '')
    .map((part) => (/^\S+-\S+$/.test(part) ? { text: part, noWrap: true as const } : part));
}

function cover(ctx: Ctx, options: AnnualReportPdfOptions): Content[] {
  const tile = (value: string, label: string): TableCell => ({
    stack: [
      { text: value, style: 'tileValue' },
      { text: label, style: 'tileLabel' },
    ],
    fillColor: '#eef4f7',
    margin: [8, 10, 8, 10],
  });
  const facts: [string, string][] = [
    ...(options.edition ? [[ctx.l.edition, options.edition.title] as [string, string]] : []),
    [ctx.l.year, String(ctx.s.year)],
    [ctx.l.scope, scopeText(ctx, options.stages)],
    [ctx.l.generated, ctx.l.generatedOn(ctx.f.instant(options.generatedAt))],
  ];
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: CONTENT_WIDTH, h: 10, color: ACCENT }] },
    { text: unbrokenAtHyphens(ctx.l.title(ctx.s.year)), style: 'title' },
    ...(options.edition ? [{ text: options.edition.title, style: 'edition' }] : []),
    { text: ctx.l.subtitle, style: 'subtitle' },
    {
      table: { widths: [110, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 30],
    },
    {
      table: {
        widths: ['*', '*', '*', '*'],
        body: [
          [
            tile(ctx.f.count(ctx.s.programs), ctx.l.programs),
            tile(ctx.f.count(ctx.s.countries), ctx.l.countries),
            tile(ctx.f.count(ctx.s.participants), ctx.l.participants),
            tile(ctx.f.decimal(formatMinor(ctx.s.spending.usdMinor)), ctx.l.spentUsd),
          ],
        ],
      },
      layout: { hLineWidth: () => 4, vLineWidth: () => 4, hLineColor: () => '#ffffff', vLineColor: () => '#ffffff' },
    },
    ...(ctx.s.programs === 0 ? [note(ctx.l.noPrograms)] : []),
    ...foreword(ctx, options),
  ];
}

/** The edition's narrative, on its own page after the cover; paragraphs are separated by blank lines. */
function foreword(ctx: Ctx, options: AnnualReportPdfOptions): Content[] {
  const text = options.edition?.narrative?.trim();
  if (!text) return [];
  return [
    { text: ctx.l.foreword, style: 'h2', pageBreak: 'before' },
    ...text.split(/\n\s*\n/).map((p): Content => ({ text: p.trim(), style: 'body' })),
  ];
}

/** The sections after the cover, one per table of the annual report, charts next to their table. */
function body(ctx: Ctx): Content[] {
  const tables = new Map<string, ReportTable>(
    annualReportTables(ctx.s, ctx.lang, ctx.edition, ctx.extras, ctx.achievements).map((t) => [t.key, t]),
  );
  const list = tables.get('programs');
  if (list && list.rows.length > PDF_PROGRAM_ROWS) tables.set('programs', { ...list, rows: list.rows.slice(0, PDF_PROGRAM_ROWS) });
  const section = (key: ReportTableKey | 'sex' | 'programs' | 'achievements', pageBreak: boolean, ...extra: Content[]): Content[] => {
    const t = tables.get(key);
    if (!t) return [];
    // The heading stays on one page with its notes and charts; a table without rows (no
    // triangular partner) keeps its heading and a note says why it is empty.
    const lead: Content = {
      stack: [heading(t.title), ...extra],
      unbreakable: true,
      headlineLevel: 1,
      ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    };
    return [lead, ...(t.rows.length > 0 ? [reportTable(ctx, t)] : [])];
  };
  return [
    ...section('summary', true),
    ...section('regions', false, note(ctx.l.regionNote), regionCharts(ctx, tables.get('regions'))),
    ...section('sex', false, note(ctx.l.sexNote)),
    ...section('recipients', true, worldMap(ctx)),
    ...section('modality', true, breakdownChart(ctx, ctx.l.programsByModality, ctx.s.byModality)),
    ...section('flagship', false, breakdownChart(ctx, ctx.l.programsByFlagship, ctx.s.byFlagshipArea)),
    ...section('cooperation', false, breakdownChart(ctx, ctx.l.programsByCooperation, ctx.s.byCooperationType)),
    ...section('partners', false, ...(ctx.s.partners.length === 0 ? [note(ctx.l.noPartners)] : [])),
    ...section('groupings', false),
    ...section('spending', false, ...spendingNotes(ctx)),
    ...section(
      'programs',
      true,
      ...(list && list.rows.length > PDF_PROGRAM_ROWS
        ? [note(ctx.l.programsCut(ctx.f.count(PDF_PROGRAM_ROWS), ctx.f.count(list.rows.length)))]
        : []),
    ),
    ...section('achievements', true),
  ];
}

export function annualReportDocument(summary: AnnualSummary, lang: Lang, options: AnnualReportPdfOptions): TDocumentDefinitions {
  const ctx: Ctx = {
    s: summary,
    edition: options.edition?.title,
    lang,
    l: PDF_LABELS[lang],
    f: formatsFor(lang),
    extras: options.extras,
    achievements: options.achievements,
  };
  const title = options.edition?.title ?? ctx.l.title(summary.year);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN],
    language: lang === 'id' ? 'id-ID' : 'en-GB',
    info: {
      title,
      author: 'Mitra',
      subject: title,
      creator: 'Mitra',
      producer: 'Mitra (pdfmake)',
      creationDate: new Date(options.generatedAt),
    },
    content: [...cover(ctx, options), ...body(ctx)],
    // A section starting in the last fifth of a page starts on the next one, so that a heading
    // is never left alone at the foot of a page (pdfmake reports a moved table header row as
    // still on the old page, so the position is the test).
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.8,
    footer: (page: number, pages: number): Content =>
      page === 1
        ? []
        : {
            columns: [
              { text: `Mitra · ${title}`, width: '*' },
              { text: ctx.l.page(page, pages), width: 'auto' },
            ],
            margin: [PAGE_MARGIN, 16, PAGE_MARGIN, 0],
            style: 'footer',
          },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2, color: '#1d2327' },
    styles: {
      title: { fontSize: 26, bold: true, color: ACCENT, margin: [0, 140, 0, 12] },
      subtitle: { fontSize: 12, color: MUTED, margin: [0, 0, 0, 40] },
      edition: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 16, 0, 6] },
      caption: { fontSize: 10, bold: true, margin: [0, 8, 0, 2] },
      note: { fontSize: 8.5, margin: [0, 2, 0, 6] },
      body: { margin: [0, 4, 0, 6] },
      table: { fontSize: 8.5, margin: [0, 4, 0, 10] },
      th: { bold: true },
      tileValue: { fontSize: 18, bold: true, color: ACCENT },
      tileLabel: { fontSize: 9, color: MUTED },
      footer: { fontSize: 8, color: MUTED },
    },
  };
}

/** Renders the report: the PDF's bytes. */
export function renderAnnualReportPdf(summary: AnnualSummary, lang: Lang, options: AnnualReportPdfOptions): Promise<Buffer> {
  return renderPdf(annualReportDocument(summary, lang, options));
}
