/**
 * The tables of the annual report, in a chosen language, as plain rows of numbers and text:
 * the XLSX and CSV downloads (and later the PDF) are written from these, so every document
 * shows the same figures under the same headings.
 */
import { modalities, sexes, type Modality, type Sex } from '../codes.js';
import { formatMinor } from '../money.js';
import { countryName } from '../reference/countries.js';
import { REPORT_REGION_NAMES, REPORT_REGIONS } from '../reference/types.js';
import { achievementsOf, achievementValue, type ProgramAchievements } from './achievements.js';
import type { AnnualSummary, BreakdownRow } from './summary.js';

export type Lang = 'en' | 'id';
export type Cell = string | number;

export interface ReportTable {
  /** Stable key: also the CSV `table` parameter and the sheet order. */
  readonly key: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** How each column's numbers read, when the table says (the PDF formats them so); else by the table's key. */
  readonly formats?: readonly ('count' | 'amount' | 'percent' | 'plain')[];
}

export const REPORT_TABLE_KEYS = [
  'summary',
  'regions',
  'recipients',
  'modality',
  'flagship',
  'cooperation',
  'partners',
  'groupings',
  'spending',
] as const;
export type ReportTableKey = (typeof REPORT_TABLE_KEYS)[number];

const T = {
  en: {
    summary: 'Summary',
    regions: 'Regions',
    recipients: 'Recipient countries',
    modality: 'Modality',
    flagship: 'Flagship areas',
    cooperation: 'Cooperation type',
    partners: 'Triangular partners',
    groupings: 'Groupings',
    spending: 'Spending',
    figure: 'Figure',
    value: 'Value',
    edition: 'Edition',
    programs: 'Programs',
    countries: 'Countries',
    participants: 'Participants',
    region: 'Region',
    rank: 'Rank',
    country: 'Country',
    code: 'Code',
    partner: 'Partner',
    grouping: 'Grouping',
    programShare: 'Share of programs (%)',
    participantShare: 'Share of participants (%)',
    currency: 'Currency',
    amount: 'Amount',
    transactions: 'Transactions',
    convertedUsd: 'Total in USD',
    convertedIdr: 'Total in IDR',
    noRate: 'No exchange rate for',
    fromRecords: 'Participants from records',
    fromTotals: 'Participants from recorded totals',
    year: 'Year',
    inKind: 'In-kind estimate (USD, estimate)',
    sex: 'Participants by sex',
    sexColumn: 'Sex',
    unrecorded: 'Not recorded by sex (counted from recorded totals)',
    share: 'Share (%)',
    programList: 'Programs of the year',
    achievements: 'Achievements',
    indicator: 'Indicator',
    target: 'Target',
    actual: 'Actual',
    comment: 'Comment',
    participantsTotal: 'Participants trained, all programs',
    number: 'No.',
    program: 'Program',
    agency: 'Implementing agency',
    recipientCountries: 'Recipient countries',
    modalityColumn: 'Modality',
    dates: 'Dates',
    spentUsd: 'Spent (USD)',
    regionNames: REPORT_REGION_NAMES.en,
  },
  id: {
    summary: 'Ringkasan',
    regions: 'Kawasan',
    recipients: 'Negara penerima',
    modality: 'Bentuk kegiatan',
    flagship: 'Bidang unggulan',
    cooperation: 'Jenis kerja sama',
    partners: 'Mitra triangular',
    groupings: 'Kelompok negara',
    spending: 'Belanja',
    figure: 'Angka',
    value: 'Nilai',
    edition: 'Edisi',
    programs: 'Program',
    countries: 'Negara',
    participants: 'Peserta',
    region: 'Kawasan',
    rank: 'Peringkat',
    country: 'Negara',
    code: 'Kode',
    partner: 'Mitra',
    grouping: 'Kelompok',
    programShare: 'Persentase program (%)',
    participantShare: 'Persentase peserta (%)',
    currency: 'Mata uang',
    amount: 'Jumlah',
    transactions: 'Transaksi',
    convertedUsd: 'Total dalam USD',
    convertedIdr: 'Total dalam IDR',
    noRate: 'Tidak ada kurs untuk',
    fromRecords: 'Peserta dari data perorangan',
    fromTotals: 'Peserta dari jumlah tercatat',
    year: 'Tahun',
    inKind: 'Perkiraan nilai natura (USD, perkiraan)',
    sex: 'Peserta menurut jenis kelamin',
    sexColumn: 'Jenis kelamin',
    unrecorded: 'Jenis kelamin tidak tercatat (dari jumlah tercatat)',
    share: 'Persentase (%)',
    programList: 'Daftar program tahun ini',
    achievements: 'Capaian',
    indicator: 'Indikator',
    target: 'Target',
    actual: 'Realisasi',
    comment: 'Catatan',
    participantsTotal: 'Peserta yang dilatih, semua program',
    number: 'No.',
    program: 'Program',
    agency: 'Instansi pelaksana',
    recipientCountries: 'Negara penerima',
    modalityColumn: 'Bentuk kegiatan',
    dates: 'Tanggal',
    spentUsd: 'Belanja (USD)',
    regionNames: REPORT_REGION_NAMES.id,
  },
} as const;

/** Hundredths to a number with two decimals (a spreadsheet number, not text). */
const amount = (minor: number): number => Number(formatMinor(minor));
const percent = (fraction: number): number => Math.round(fraction * 10_000) / 100;

function breakdown(key: ReportTableKey, title: string, rows: readonly BreakdownRow[], lang: Lang): ReportTable {
  const t = T[lang];
  return {
    key,
    title,
    columns: [t.code, title, t.programs, t.participants],
    rows: rows.filter((r) => r.programs > 0).map((r) => [r.code ?? '', lang === 'id' ? r.labelId : r.labelEn, r.programs, r.participants]),
  };
}

/** A program as the list of the year's programs (the paper's table) shows it. */
export interface ProgramLine {
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  /** The implementing agency's name in English and Indonesian (its code when it has no name). */
  readonly agencyEn: string | null;
  readonly agencyId: string | null;
  /** Recipient countries, ISO alpha-2, in the record's order. */
  readonly recipients: readonly string[];
  readonly modality: Modality | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly participants: number;
  readonly spentUsdMinor: number;
}

/**
 * What the annual report sent from an edition adds (docs/bundle.md): the list of the year's
 * programs, the participants by sex and the in-kind estimate. With it the tables are those of a
 * document fit to send: names, not codes; no total repeated from the summary.
 */
export interface SendingExtras {
  readonly programs: readonly ProgramLine[];
  readonly bySex: Readonly<Record<Sex | 'unrecorded', number>>;
  readonly inKindUsdMinor: number;
  /** The frozen programs' results frameworks and participants, for the achievements section (docs/results.md). */
  readonly achievements?: readonly ProgramAchievements[];
}

/** "3 Mar 2018 – 9 Mar 2018", or the one date known. */
function period(start: string | null, end: string | null): string {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  return start ?? end ?? '';
}

function withoutColumn(table: ReportTable, header: string): ReportTable {
  const i = table.columns.indexOf(header);
  if (i < 0) return table;
  return { ...table, columns: table.columns.filter((_, c) => c !== i), rows: table.rows.map((r) => r.filter((_, c) => c !== i)) };
}

/** The tables of the annual report as sent from an edition: the tables below without codes, and the extras. */
function sendingTables(
  tables: readonly ReportTable[],
  s: AnnualSummary,
  lang: Lang,
  edition: string | undefined,
  extras: SendingExtras,
): ReportTable[] {
  const t = T[lang];
  const out = tables.map((table): ReportTable => {
    const plain = withoutColumn(table, t.code);
    if (table.key === 'summary') {
      const rows = [...plain.rows];
      const editionRow = edition ? rows.pop() : undefined;
      return { ...plain, rows: [...rows, [t.inKind, amount(extras.inKindUsdMinor)], ...(editionRow ? [editionRow] : [])] };
    }
    // The USD and IDR totals are the summary's: the spending table keeps the currencies and the gaps.
    if (table.key === 'spending')
      return {
        ...plain,
        rows: plain.rows.filter((r) => !String(r[0]).startsWith('USD (=') && !String(r[0]).startsWith('IDR (=')),
        formats: ['plain', 'amount', 'count'],
      };
    if (table.key === 'groupings') return { ...plain, formats: ['plain', 'count', 'count', 'count', 'percent', 'percent'] };
    return plain;
  });
  const sexTotal = s.participants;
  const sexRows: Cell[][] = [
    ...sexes.codes.map((code) => [sexes.label(code, lang), extras.bySex[code]]),
    [t.unrecorded, extras.bySex.unrecorded],
  ].map(([label, n]) => [label as string, n as number, sexTotal > 0 ? percent((n as number) / sexTotal) : 0]);
  const sexTable: ReportTable = {
    key: 'sex',
    title: t.sex,
    columns: [t.sexColumn, t.participants, t.share],
    rows: sexRows,
    formats: ['plain', 'count', 'percent'],
  };
  const programTable: ReportTable = {
    key: 'programs',
    title: t.programList,
    columns: [t.number, t.program, t.agency, t.recipientCountries, t.modalityColumn, t.dates, t.participants, t.spentUsd],
    rows: extras.programs.map((p, i) => [
      i + 1,
      (lang === 'id' ? (p.titleId ?? p.titleEn) : (p.titleEn ?? p.titleId)) ?? p.identifier,
      (lang === 'id' ? p.agencyId : p.agencyEn) ?? '',
      p.recipients.map((c) => countryName(c, lang)).join(', '),
      p.modality ? modalities.label(p.modality, lang) : '',
      period(p.start, p.end),
      p.participants,
      amount(p.spentUsdMinor),
    ]),
    formats: ['count', 'plain', 'plain', 'plain', 'plain', 'plain', 'count', 'amount'],
  };
  const regionsAt = out.findIndex((table) => table.key === 'regions');
  return [...out.slice(0, regionsAt + 1), sexTable, ...out.slice(regionsAt + 1), programTable];
}

/**
 * The tables of the annual report. `edition`: the name of the frozen edition the figures come
 * from ("Laporan Tahunan 2018, edisi 1, 15 Maret 2019"), shown as the summary's last row.
 */
export function annualReportTables(
  s: AnnualSummary,
  lang: Lang,
  edition?: string,
  extras?: SendingExtras,
  achievements?: readonly ProgramAchievements[],
): ReportTable[] {
  const tables = liveTables(s, lang, edition);
  const all = extras ? sendingTables(tables, s, lang, edition, extras) : tables;
  const programs = achievements ?? extras?.achievements;
  return programs ? [...all, achievementsTable(programs, s.year, lang)] : all;
}

/**
 * The achievements section: per program, each indicator's target and actual for the periods
 * of the year, and the participants trained; only these share a summable unit, so only they get
 * a total (domain/report/achievements.ts).
 */
export function achievementsTable(programs: readonly ProgramAchievements[], year: number, lang: Lang): ReportTable {
  const t = T[lang];
  const { rows, participants } = achievementsOf(programs, year);
  return {
    key: 'achievements',
    title: `${t.achievements} ${year}`,
    columns: [t.program, t.indicator, t.dates, t.target, t.actual, t.comment],
    rows: [
      ...rows.map((r) => [
        lang === 'id' ? r.programId : r.programEn,
        lang === 'id' ? r.indicatorId : r.indicatorEn,
        period(r.start, r.end),
        achievementValue(r, r.target, lang),
        achievementValue(r, r.actual, lang),
        (lang === 'id' ? (r.commentId ?? r.commentEn) : (r.commentEn ?? r.commentId)) ?? '',
      ]),
      ...(rows.some((r) => r.measure === null) ? [[t.participantsTotal, '', '', participants.planned, participants.attended, '']] : []),
    ],
    formats: ['plain', 'plain', 'plain', 'count', 'count', 'plain'],
  };
}

function liveTables(s: AnnualSummary, lang: Lang, edition?: string): ReportTable[] {
  const t = T[lang];
  return [
    {
      key: 'summary',
      title: `${t.summary} ${s.year}`,
      columns: [t.figure, t.value],
      rows: [
        [t.year, s.year],
        [t.programs, s.programs],
        [t.countries, s.countries],
        [t.participants, s.participants],
        [t.fromRecords, s.participantSources.records.participants],
        [t.fromTotals, s.participantSources.totals.participants],
        [t.convertedUsd, amount(s.spending.usdMinor)],
        [t.convertedIdr, amount(s.spending.idrMinor)],
        ...(edition ? [[t.edition, edition]] : []),
      ],
    },
    {
      key: 'regions',
      title: t.regions,
      columns: [t.region, t.programs, t.countries, t.participants],
      rows: REPORT_REGIONS.map((r) => [t.regionNames[r], s.regions[r].programs, s.regions[r].countries, s.regions[r].participants]),
    },
    {
      key: 'recipients',
      title: t.recipients,
      columns: [t.rank, t.code, t.country, t.region, t.programs, t.participants],
      rows: s.topRecipients.map((r) => [
        r.rank,
        r.country,
        lang === 'id' ? r.nameId : r.nameEn,
        r.region ? t.regionNames[r.region] : '',
        r.programs,
        r.participants,
      ]),
    },
    breakdown('modality', t.modality, s.byModality, lang),
    breakdown('flagship', t.flagship, s.byFlagshipArea, lang),
    breakdown('cooperation', t.cooperation, s.byCooperationType, lang),
    {
      key: 'partners',
      title: t.partners,
      columns: [t.code, t.partner, t.programs],
      rows: s.partners.map((p) => [
        p.org,
        p.acronym ? `${p.acronym} — ${lang === 'id' ? (p.nameId ?? p.nameEn) : p.nameEn}` : p.nameEn,
        p.programs,
      ]),
    },
    {
      key: 'groupings',
      title: t.groupings,
      columns: [t.code, t.grouping, t.programs, t.countries, t.participants, t.programShare, t.participantShare],
      rows: s.groupings.map((g) => [
        g.group,
        lang === 'id' ? g.nameId : g.nameEn,
        g.programs,
        g.countries,
        g.participants,
        percent(g.programShare),
        percent(g.participantShare),
      ]),
    },
    {
      key: 'spending',
      title: t.spending,
      columns: [t.currency, t.amount, t.transactions],
      rows: [
        ...s.spending.byCurrency.map((c) => [c.currency, amount(c.amountMinor), c.transactions]),
        ['USD (= ' + t.convertedUsd + ')', amount(s.spending.usdMinor), s.spending.transactions],
        ['IDR (= ' + t.convertedIdr + ')', amount(s.spending.idrMinor), s.spending.transactions],
        ...s.spending.missingRates.map((m) => [
          `${t.noRate} ${m.currency} (${m.missing.join(', ').toUpperCase()})`,
          amount(m.amountMinor),
          m.transactions,
        ]),
      ],
    },
  ];
}
