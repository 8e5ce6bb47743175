/**
 * The tables of the annual report, in a chosen language, as plain rows of numbers and text:
 * the XLSX and CSV downloads (and later the PDF) are written from these, so every document
 * shows the same figures under the same headings.
 */
import { formatMinor } from '../money.js';
import { REPORT_REGION_NAMES, REPORT_REGIONS } from '../reference/types.js';
import type { AnnualSummary, BreakdownRow } from './summary.js';

export type Lang = 'en' | 'id';
export type Cell = string | number;

export interface ReportTable {
  /** Stable key: also the CSV `table` parameter and the sheet order. */
  readonly key: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
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

/**
 * The tables of the annual report. `edition`: the name of the frozen edition the figures come
 * from ("Laporan Tahunan 2018, edisi 1, 15 Maret 2019"), shown as the summary's last row.
 */
export function annualReportTables(s: AnnualSummary, lang: Lang, edition?: string): ReportTable[] {
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
