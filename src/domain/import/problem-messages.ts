/**
 * The reasons of import problems in English and Indonesian. Each problem carries a stable code
 * and its params (the value, the other line, the expected codes…); its reason is written here
 * in the reader's language. A code without an entry (or without an English one) keeps the
 * message the check wrote, which is English. Browser-safe: the web app's download reuses it.
 */

export type ImportLanguage = 'en' | 'id';
export const IMPORT_LANGUAGES = ['en', 'id'] as const satisfies readonly ImportLanguage[];

export type ProblemParams = Readonly<Record<string, string | number>>;

type Render = (p: ProblemParams) => string;

const text = (p: ProblemParams, key: string): string => (p[key] === undefined ? '' : String(p[key]));

/**
 * A warning of an import (the file is still imported): a stable code, its params, and the
 * English message the check wrote; warningMessage renders it in the reader's language.
 */
export interface ImportWarning {
  readonly code: string;
  readonly params: ProblemParams;
  readonly message: string;
}

/** What a code set is called (the `what` of unknown_code), in Indonesian. */
const WHAT_ID: Readonly<Record<string, string>> = {
  modality: 'modalitas',
  'flagship area': 'bidang unggulan',
  'cooperation type': 'jenis kerja sama',
  'activity status': 'status aktivitas',
  'lifecycle stage': 'tahap',
  'funding source': 'sumber dana',
  'SSC role': 'peran KSS',
  sex: 'jenis kelamin',
  'participant status': 'status peserta',
  'recipient country': 'negara penerima',
  sector: 'sektor',
};
const whatId = (p: ProblemParams): string => {
  const what = text(p, 'what');
  return WHAT_ID[what] ?? what;
};

/** Indonesian (and, where the check's own English names API fields, English) reasons by code. */
const MESSAGES: Readonly<Record<string, { en?: Render; id: Render }>> = {
  required: { id: (p) => (p.with ? `wajib diisi bila ${text(p, 'with')} diisi` : 'wajib diisi') },
  too_long: { id: (p) => `paling banyak ${text(p, 'max')} karakter` },
  out_of_range: { id: () => 'di luar rentang yang diizinkan' },
  invalid_type: { id: () => 'nilainya tidak sah' },
  invalid_format: { id: () => 'formatnya tidak sah' },
  invalid_identifier: { id: () => 'tidak boleh mengandung spasi atau salah satu dari / & | ?' },
  unknown_code: {
    id: (p) => `${whatId(p)} "${text(p, 'value')}" tidak dikenal; gunakan salah satu dari ${text(p, 'expected')}`,
  },
  unknown_country: {
    id: (p) => {
      if (p.reason === 'empty') return 'negara wajib diisi';
      if (p.reason === 'ambiguous') return `"${text(p, 'value')}" dapat berarti ${text(p, 'suggestions')}: gunakan kode ISO`;
      return p.suggestions
        ? `negara "${text(p, 'value')}" tidak dikenal; mungkin maksud Anda ${text(p, 'suggestions')}?`
        : `negara "${text(p, 'value')}" tidak dikenal`;
    },
  },
  invalid_date: { id: () => 'harus berupa tanggal yang benar dengan format YYYY-MM-DD' },
  unknown_currency: { id: () => 'harus berupa kode mata uang ISO 4217 (mis. IDR, USD)' },
  invalid_amount: { id: () => 'harus berupa jumlah desimal dengan paling banyak dua angka desimal' },
  negative_amount: { id: () => 'tidak boleh negatif' },
  not_positive: { id: () => 'harus lebih besar dari 0' },
  invalid_rate: { id: () => 'harus berupa bilangan desimal positif dengan paling banyak 8 angka desimal' },
  unknown_sdg: { id: (p) => `"${text(p, 'value')}" bukan tujuan SDG (1–17) atau target SDG (mis. 8.3)` },
  invalid_email: { id: () => 'harus berupa alamat email' },
  unknown_field: { id: () => 'kolom tidak dikenal' },
  date_order: {
    en: (p) => `must not be before the start (${text(p, 'start')})`,
    id: (p) => `tidak boleh sebelum tanggal mulai (${text(p, 'start')})`,
  },
  title_required: {
    en: () => 'a title in English (title_en) or Indonesian (title_id) is required',
    id: () => 'judul dalam bahasa Inggris (title_en) atau bahasa Indonesia (title_id) wajib diisi',
  },
  percentage_missing: { id: (p) => `berikan persentase untuk setiap ${whatId(p)} atau tidak sama sekali` },
  percentage_sum: { id: (p) => `persentase ${whatId(p)} harus berjumlah 100 (sekarang ${text(p, 'sum')})` },
  duplicate: { id: (p) => `${text(p, 'value')} tercantum dua kali` },
  triangular_partner_required: {
    id: () => 'program triangular memerlukan mitra dengan peran second_provider (penyedia kedua) atau facilitator (fasilitator)',
  },
  budget_period: { id: () => 'periode anggaran tidak boleh lebih dari satu tahun' },
  not_a_recipient: {
    id: (p) => `${text(p, 'country')} bukan negara penerima program ini (penerima: ${text(p, 'recipients') || 'belum ada'})`,
  },
  participants_from_country: {
    id: (p) => `peserta program ini berasal dari ${text(p, 'countries')}: pertahankan negara tersebut`,
  },
  not_a_whole_number: {
    en: (p) => `"${text(p, 'value')}" is not a whole number of participants`,
    id: (p) => `"${text(p, 'value')}" bukan bilangan bulat jumlah peserta`,
  },
  budget_needs_start: {
    en: () => 'a budget needs start_date: its period starts then',
    id: () => 'anggaran memerlukan start_date: periodenya dimulai pada tanggal itu',
  },
  duplicate_in_file: {
    en: (p) => `"${text(p, 'value')}" already appears on line ${text(p, 'line')} of this file`,
    id: (p) => `"${text(p, 'value')}" sudah muncul di baris ${text(p, 'line')} berkas ini`,
  },
  duplicate_rate: {
    en: (p) => `${text(p, 'currency')} on ${text(p, 'date')} already appears on line ${text(p, 'line')}`,
    id: (p) => `${text(p, 'currency')} pada ${text(p, 'date')} sudah muncul di baris ${text(p, 'line')}`,
  },
  cannot_implement: {
    id: (p) =>
      `${text(p, 'org')} adalah organisasi berjenis "${text(p, 'kindId')}", yang tidak melaksanakan program: sebutkan kementerian atau lembaga pelaksananya`,
  },
  status_contradicts_stage: {
    id: (p) =>
      `program pada tahap "${text(p, 'stage')}" berstatus ${text(p, 'expected')}, bukan "${text(p, 'status')}" (status mengikuti tahap: pindahkan program melalui langkah-langkahnya)`,
  },
  not_your_program: {
    en: (p) => `program ${text(p, 'value')} is not implemented by your agency${text(p, 'org') ? ` (${text(p, 'org')})` : ''}`,
    id: (p) => `program ${text(p, 'value')} tidak dilaksanakan oleh instansi Anda${text(p, 'org') ? ` (${text(p, 'org')})` : ''}`,
  },
  unknown_program: {
    en: (p) => `no program with identifier "${text(p, 'value')}"`,
    id: (p) => `tidak ada program dengan pengenal "${text(p, 'value')}"`,
  },
  same_person: {
    id: (p) =>
      p.line
        ? `orang yang sama sudah ada di baris ${text(p, 'line')} untuk program ini`
        : 'orang yang sama sudah muncul sebelumnya dalam berkas ini untuk program ini',
  },
  extra_cells: {
    id: (p) => `baris ini memiliki ${text(p, 'cells')} sel, tetapi baris judul hanya menyebut ${text(p, 'columns')} kolom`,
  },
  missing_column: { id: (p) => `kolom wajib "${text(p, 'column')}" tidak ada` },
  missing_columns: { id: (p) => `salah satu kolom ${text(p, 'columns')} wajib ada` },
  duplicate_column: {
    id: (p) => `kolom "${text(p, 'column')}" muncul dua kali (kolom ${text(p, 'first')} dan ${text(p, 'second')})`,
  },
  empty_file: { id: () => 'berkas kosong: tidak ada baris judul kolom' },
  // A file that cannot be read (import.file_<problem>): `detail` is the reader's English.
  'import.file_encoding': { id: () => 'berkas bukan teks UTF-8 yang sah; simpan sebagai "CSV UTF-8" lalu impor kembali' },
  'import.file_binary': { id: () => 'berkas berisi byte NUL: bukan berkas teks CSV' },
  'import.file_too_large': { id: () => 'berkas melebihi batas ukuran impor; pecah berkas atau naikkan MITRA_IMPORT_MAX_BYTES' },
  'import.file_syntax': { id: (p) => `CSV tidak dapat dibaca: ${text(p, 'detail')}` },
  'import.file_invalid': { id: (p) => `berkas XML tidak dapat dibaca: ${text(p, 'detail')}` },
  mitra_program: {
    id: () => 'adalah pengenal program yang dicatat di Mitra: aktivitas yang diimpor tidak menggantikannya',
  },
  iati_missing: { id: () => 'tidak ada atau kosong' },
  iati_no_text: { id: () => 'tidak berisi teks dalam bahasa apa pun' },
  iati_bad_code: { id: (p) => `bukan kode ${text(p, 'codelist')} IATI${p.expected ? ` (${text(p, 'expected')})` : ''}` },
  invalid_percentage: { id: () => 'memiliki persentase yang bukan angka 0 sampai 100' },
  no_currency: { id: () => 'tidak memiliki mata uang (value/@currency maupun default-currency aktivitas tidak ada)' },
  iati_prefix: { id: (p) => `tidak diawali pengenal organisasi pelapor "${text(p, 'prefix')}" dan tanda hubung` },
};

/** The reason of a problem in a language; `fallback` (the check's English) when the code has none. */
export function problemMessage(code: string, params: ProblemParams | undefined, lang: ImportLanguage, fallback: string): string {
  const entry = MESSAGES[code];
  const render = lang === 'id' ? entry?.id : entry?.en;
  return render ? render(params ?? {}) : fallback;
}

/** What the IATI 1.0x → 2.01 upgrade rules change, in Indonesian (the English is in iati/versions.ts). */
const UPGRADE_RULES_ID =
  'teks yang ditulis langsung di elemen judul, deskripsi dan organisasi dibaca sebagai narasi; ' +
  'kode kata jenis tanggal aktivitas, peran organisasi, jenis transaksi dan kosakata sektor menjadi angka 2.01';

/** Indonesian reasons of the warnings by code (English is the message the check wrote). */
const WARNINGS_ID: Readonly<Record<string, Render>> = {
  unknown_column: (p) =>
    `kolom "${text(p, 'column')}" tidak dikenal dan diabaikan${p.suggestion ? ` (mungkin maksud Anda "${text(p, 'suggestion')}"?)` : ''}`,
  unknown_iati_code: (p) =>
    `${whatId(p)} "${text(p, 'value')}" tidak ada dalam daftar Mitra: disimpan apa adanya dalam rincian IATI ${text(p, 'activities')} aktivitas (pertama pada baris ${text(p, 'line')})`,
  more_unknown_codes: (p) => `… dan ${text(p, 'count')} kode lain yang tidak dikenal`,
  // The file's IATI version (src/domain/iati/versions.ts iatiVersionWarning).
  iati_version: (p) =>
    `berkas menyatakan IATI versi ${text(p, 'version')} yang tidak dikenal Mitra: dibaca sebagai 2.03 (Mitra membaca versi 1.01 sampai 2.03)`,
  iati_upgraded: (p) =>
    `berkas adalah IATI versi ${text(p, 'version')}: dibaca dengan aturan peningkatan IATI 1.0x → 2.01 (${UPGRADE_RULES_ID})`,
  iati_no_version: (p) =>
    `berkas tidak menyatakan versi IATI: dibaca sebagai ${text(p, 'version')} (anggapan IATI 1.0x) dengan aturan peningkatan IATI 1.0x → 2.01 (${UPGRADE_RULES_ID})`,
  iati_activity_warning: (p) =>
    `aktivitas ${text(p, 'record')} (baris ${text(p, 'line')}), ${text(p, 'field')}: ${problemMessage(text(p, 'code'), p, 'id', text(p, 'reason'))}${p.rule ? ` [aturan IATI ${text(p, 'rule')}]` : ''} — diimpor apa adanya`,
  more_activity_warnings: (p) => `… dan ${text(p, 'count')} peringatan lain (semuanya tersimpan pada aktivitasnya)`,
  iati_rule_summary: (p) =>
    `${text(p, 'activities')} aktivitas melanggar ${p.rule ? `aturan IATI ${text(p, 'rule')}` : `aturan "${text(p, 'code')}"`} (${text(p, 'field')}; pertama ${text(p, 'record')} pada baris ${text(p, 'line')}): diimpor dengan peringatan`,
  iati_not_provider_prefix: (p) =>
    `${text(p, 'activities')} aktivitas dari penyedia sendiri (${text(p, 'publisher')}) tidak diawali pengenal organisasinya: disimpan terpisah dan tidak dapat dijadikan program sendiri`,
};

export function warningMessage(warning: ImportWarning, lang: ImportLanguage): string {
  const render = lang === 'id' ? WARNINGS_ID[warning.code] : undefined;
  return render ? render(warning.params) : warning.message;
}

/** "10 errors" / "1 error"; Indonesian has one form ("10 kesalahan"). */
export function errorCountText(count: number, lang: ImportLanguage): string {
  if (lang === 'id') return `${count} kesalahan`;
  return `${count} ${count === 1 ? 'error' : 'errors'}`;
}

/** The one-line outcome of a rejected import: "10 errors in 1 row of programs.csv: nothing was written". */
export function rejectedSummary(
  r: { errorCount: number; rejectedRows: number; source: string; kind: string },
  lang: ImportLanguage,
): string {
  const iati = r.kind === 'iati';
  if (lang === 'id') {
    return `${errorCountText(r.errorCount, lang)} pada ${r.rejectedRows} ${iati ? 'aktivitas' : 'baris'} ${r.source}: tidak ada yang ditulis`;
  }
  const unit = iati ? (r.rejectedRows === 1 ? 'activity' : 'activities') : r.rejectedRows === 1 ? 'row' : 'rows';
  return `${errorCountText(r.errorCount, lang)} in ${r.rejectedRows} ${unit} of ${r.source}: nothing was written`;
}

/** The language asked for: a `lang` parameter, else the first of en/id in an Accept-Language header, else English. */
export function pickImportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ImportLanguage {
  if (lang === 'en' || lang === 'id') return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((t) => t.base === 'en' || t.base === 'id' || t.base === 'in');
  return first && first.base !== 'en' ? 'id' : 'en';
}
