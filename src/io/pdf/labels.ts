/**
 * The PDF report's own texts in English and Indonesian, and its number and date formats. The
 * table headings are the domain's (domain/report/tables.ts), the same as the XLSX download.
 */
import type { Lang } from '../../domain/report/tables.js';

export interface PdfLabels {
  readonly title: (year: number) => string;
  readonly subtitle: string;
  readonly year: string;
  readonly scope: string;
  readonly scopeAll: string;
  readonly scopeStages: (stages: string) => string;
  readonly generated: string;
  readonly edition: string;
  readonly foreword: string;
  readonly generatedOn: (when: string) => string;
  readonly programs: string;
  readonly countries: string;
  readonly participants: string;
  readonly spentUsd: string;
  readonly programsByRegion: string;
  readonly participantsByRegion: string;
  readonly programsByModality: string;
  readonly programsByFlagship: string;
  readonly programsByCooperation: string;
  readonly mapTitle: string;
  readonly mapLegend: string;
  readonly regionNote: string;
  readonly noPrograms: string;
  readonly noPartners: string;
  readonly spendingTotals: (m: { year: number; usd: string; idr: string; transactions: string; count: number }) => string;
  /** `totals`: the totals that leave the amount out ("IDR and USD"), `totalCount` how many. */
  readonly missingRate: (m: {
    currency: string;
    dates: string;
    amount: string;
    transactions: string;
    count: number;
    totals: string;
    totalCount: number;
  }) => string;
  readonly allRatesKnown: string;
  /** Under the participants by sex: where the figures come from. */
  readonly sexNote: string;
  /** Under the list of programs when the PDF shows only the first `shown` of `total`. */
  readonly programsCut: (shown: string, total: string) => string;
  readonly page: (page: number, pages: number) => string;
}

const EN: PdfLabels = {
  sexNote: 'Participant records give the sex of each participant; programs that recorded only a total of participants are counted apart.',
  programsCut: (shown, total) => `The first ${shown} of ${total} programs; the XLSX workbook lists every program.`,
  title: (year) => `South-South and Triangular Cooperation Annual Report ${year}`,
  subtitle: 'Programs, recipient countries, participants and spending, computed from the records of the Mitra registry.',
  year: 'Year',
  scope: 'Scope',
  scopeAll: 'programs in every lifecycle stage',
  scopeStages: (stages) => `programs in the lifecycle stages ${stages}`,
  generated: 'Generated',
  edition: 'Edition',
  foreword: 'Foreword',
  generatedOn: (when) => `${when} (UTC), by Mitra`,
  programs: 'Programs',
  countries: 'Recipient countries',
  participants: 'Participants',
  spentUsd: 'Spent (USD)',
  programsByRegion: 'Programs by region',
  participantsByRegion: 'Participants by region',
  programsByModality: 'Programs by modality',
  programsByFlagship: 'Programs by flagship area',
  programsByCooperation: 'Programs by cooperation type',
  mapTitle: 'Programs per recipient country',
  mapLegend: 'programs per country; small states are drawn as dots.',
  regionNote: 'A program with recipients in several regions counts in each.',
  noPrograms: 'No program is recorded for this year in this scope.',
  noPartners: 'No triangular program this year.',
  spendingTotals: (m) =>
    `Spent in ${m.year} (disbursements and expenditure, converted at the exchange rate of each value date): USD ${m.usd} and IDR ${m.idr}, from ${m.transactions} ${m.count === 1 ? 'transaction' : 'transactions'}.`,
  missingRate: (m) =>
    `No exchange rate for ${m.currency} (${m.dates}): ${m.currency} ${m.amount} in ${m.transactions} ${m.count === 1 ? 'transaction is' : 'transactions are'} not included in the ${m.totals} ${m.totalCount === 1 ? 'total' : 'totals'}.`,
  allRatesKnown: 'Every amount had an exchange rate.',
  page: (page, pages) => `Page ${page} of ${pages}`,
};

const ID: PdfLabels = {
  sexNote: 'Data perorangan peserta mencatat jenis kelamin setiap peserta; program yang hanya mencatat jumlah peserta dihitung tersendiri.',
  programsCut: (shown, total) => `${shown} program pertama dari ${total}; buku kerja XLSX memuat semua program.`,
  title: (year) => `Laporan Tahunan Kerja Sama Selatan-Selatan dan Triangular ${year}`,
  subtitle: 'Program, negara penerima, peserta dan belanja, dihitung dari data registri Mitra.',
  year: 'Tahun',
  scope: 'Cakupan',
  scopeAll: 'program pada semua tahap',
  scopeStages: (stages) => `program pada tahap ${stages}`,
  generated: 'Dibuat',
  edition: 'Edisi',
  foreword: 'Kata pengantar',
  generatedOn: (when) => `${when} (UTC), oleh Mitra`,
  programs: 'Program',
  countries: 'Negara penerima',
  participants: 'Peserta',
  spentUsd: 'Belanja (USD)',
  programsByRegion: 'Program menurut kawasan',
  participantsByRegion: 'Peserta menurut kawasan',
  programsByModality: 'Program menurut bentuk kegiatan',
  programsByFlagship: 'Program menurut bidang unggulan',
  programsByCooperation: 'Program menurut jenis kerja sama',
  mapTitle: 'Program per negara penerima',
  mapLegend: 'program per negara; negara kecil digambar sebagai titik.',
  regionNote: 'Program dengan penerima di beberapa kawasan dihitung di setiap kawasan.',
  noPrograms: 'Tidak ada program tercatat pada tahun ini dalam cakupan ini.',
  noPartners: 'Tidak ada program triangular tahun ini.',
  spendingTotals: (m) =>
    `Belanja ${m.year} (pencairan dan pengeluaran, dikonversi dengan kurs pada tanggal nilai masing-masing): USD ${m.usd} dan IDR ${m.idr}, dari ${m.transactions} transaksi.`,
  missingRate: (m) =>
    `Tidak ada kurs untuk ${m.currency} (${m.dates}): ${m.currency} ${m.amount} dalam ${m.transactions} transaksi tidak termasuk dalam total ${m.totals}.`,
  allRatesKnown: 'Semua jumlah memiliki kurs.',
  page: (page, pages) => `Halaman ${page} dari ${pages}`,
};

export const PDF_LABELS: Record<Lang, PdfLabels> = { en: EN, id: ID };

/** Number and date formats of a language (the web app's locales, web/src/format.ts). */
export function formatsFor(lang: Lang) {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  return {
    count: (n: number) => integer.format(n),
    /** An exact decimal string ("150000000.00") or a number, with two decimals. */
    // Intl formats a decimal string exactly (ES2023 NumberFormat v3); TS types it as a numeric literal string.
    decimal: (amount: string | number) => decimal.format(amount as `${number}` | number),
    day: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
    instant: (iso: string) => instant.format(new Date(iso)),
  };
}
