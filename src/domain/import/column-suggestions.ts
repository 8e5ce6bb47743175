/**
 * Suggestions for a ministry's own spreadsheet layout: which of Mitra's fields (the import
 * columns of csv-columns.ts) each header of the file most likely holds, from header names in
 * English and Indonesian. Names are compared normalised: case, accents and punctuation ignored
 * ("Jenis Kelamin (L/P)" → "jenis kelamin l p").
 */
import { ACTIVITY_COLUMNS, PARTICIPANT_COLUMNS, type ParticipantColumn, type ProgramColumn } from './csv-columns.js';

/** The imports whose columns can be mapped. */
export const MAPPABLE_KINDS = ['activities', 'participants'] as const;
export type MappableKind = (typeof MAPPABLE_KINDS)[number];

export const FIELDS_OF: { readonly activities: readonly ProgramColumn[]; readonly participants: readonly ParticipantColumn[] } = {
  activities: ACTIVITY_COLUMNS,
  participants: PARTICIPANT_COLUMNS,
};
export type MappableField = ProgramColumn | ParticipantColumn;

/** Groups of fields of which one must be mapped (as the importers require them). */
export const REQUIRED_FIELDS: { readonly [K in MappableKind]: readonly (readonly MappableField[])[] } = {
  activities: [['identifier'], ['title_en', 'title_id']],
  participants: [['activity_identifier'], ['full_name'], ['country']],
};

/** Lower case, accents off, every run of punctuation or space one space. */
export function normaliseHeaderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Header names (normalised) each field is known by, English and Indonesian. */
const PROGRAM_NAMES: Readonly<Record<ProgramColumn, readonly string[]>> = {
  identifier: [
    'id',
    'program id',
    'program code',
    'activity id',
    'iati identifier',
    'kode',
    'kode program',
    'kode kegiatan',
    'no program',
    'nomor program',
  ],
  title_en: ['title', 'program title', 'english title', 'title english', 'judul inggris', 'judul bahasa inggris', 'nama program inggris'],
  title_id: [
    'judul',
    'judul program',
    'judul kegiatan',
    'nama program',
    'nama kegiatan',
    'indonesian title',
    'title indonesian',
    'judul indonesia',
  ],
  modality: ['form', 'modality', 'type of program', 'bentuk', 'bentuk kegiatan', 'jenis kegiatan', 'modalitas'],
  flagship_area: ['area', 'flagship', 'sector', 'theme', 'bidang', 'bidang unggulan', 'sektor', 'tema', 'area unggulan'],
  cooperation_type: [
    'type',
    'cooperation',
    'scheme',
    'jenis kerja sama',
    'jenis kerjasama',
    'skema',
    'skema kerja sama',
    'tipe kerja sama',
  ],
  status: ['activity status', 'program status', 'status kegiatan', 'status program'],
  start_date: ['start', 'from', 'begins', 'tanggal mulai', 'tgl mulai', 'mulai', 'waktu mulai', 'tanggal awal'],
  end_date: ['end', 'until', 'ends', 'tanggal selesai', 'tgl selesai', 'selesai', 'tanggal berakhir', 'tanggal akhir', 'sampai'],
  location: ['venue', 'place', 'lokasi', 'tempat', 'tempat pelaksanaan', 'lokasi kegiatan'],
  recipient_countries: [
    'recipients',
    'recipient country',
    'countries',
    'beneficiary countries',
    'negara penerima',
    'negara mitra',
    'negara sasaran',
    'negara peserta',
  ],
  implementing_agency: [
    'agency',
    'implementer',
    'implementing organisation',
    'implementing organization',
    'ministry',
    'pelaksana',
    'instansi pelaksana',
    'kementerian lembaga',
    'k l',
    'kl',
    'penyelenggara',
    'kementerian',
  ],
  funding_source: ['funding', 'donor', 'funded by', 'sumber dana', 'sumber pendanaan', 'pendanaan'],
  partners: ['partner', 'co organiser', 'co organizer', 'mitra', 'mitra kerja sama', 'mitra pelaksana'],
  budget_amount: ['budget', 'amount', 'cost', 'anggaran', 'jumlah anggaran', 'nilai anggaran', 'biaya', 'nilai'],
  budget_currency: ['currency', 'mata uang', 'valuta'],
  participants_planned: ['participants', 'number of participants', 'planned participants', 'jumlah peserta', 'target peserta', 'peserta'],
  sdgs: ['sdg', 'sdgs', 'goals', 'tpb', 'tujuan pembangunan berkelanjutan'],
  stage: ['lifecycle stage', 'lifecycle', 'tahap', 'tahapan'],
};

const PARTICIPANT_NAMES: Readonly<Record<ParticipantColumn, readonly string[]>> = {
  activity_identifier: [
    'program',
    'program id',
    'program code',
    'program identifier',
    'activity',
    'kode program',
    'kode kegiatan',
    'id program',
    'kegiatan',
  ],
  full_name: ['name', 'participant', 'participant name', 'nama', 'nama lengkap', 'nama peserta', 'peserta'],
  sex: ['gender', 'jenis kelamin', 'kelamin', 'jk', 'l p', 'm f', 'pria wanita', 'laki laki perempuan'],
  country: ['nationality', 'country of origin', 'negara', 'negara asal', 'asal negara', 'kewarganegaraan'],
  organisation: [
    'organization',
    'institution',
    'employer',
    'agency',
    'instansi',
    'lembaga',
    'institusi',
    'asal instansi',
    'unit kerja',
    'organisasi',
  ],
  position: ['job title', 'post', 'role', 'jabatan', 'posisi', 'pangkat jabatan'],
  email: ['e mail', 'email address', 'mail', 'surel', 'alamat email', 'alamat surel', 'surat elektronik'],
  status: ['participant status', 'status peserta'],
};

const NAMES: { readonly [K in MappableKind]: Readonly<Record<string, readonly string[]>> } = {
  activities: PROGRAM_NAMES,
  participants: PARTICIPANT_NAMES,
};

export interface ColumnSuggestion {
  /** The file's header, as written. */
  readonly header: string;
  readonly field: MappableField | null;
}

/** How well a normalised header matches a field: 3 exactly, 2 without its bracketed part, 1 containing a long name, 0 not. */
function score(header: string, raw: string, field: string, names: readonly string[]): number {
  const all = [normaliseHeaderName(field), ...names.map(normaliseHeaderName)];
  if (all.includes(header)) return 3;
  const bare = normaliseHeaderName(raw.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  if (bare && all.includes(bare)) return 2;
  const padded = ` ${header} `;
  // Contained as whole words; short names ("id", "to", "kl") only match exactly.
  if (all.some((n) => n.length >= 5 && padded.includes(` ${n} `))) return 1;
  return 0;
}

/**
 * The field each header most likely holds, each field suggested for one column at most (the
 * best match wins, then the leftmost column).
 */
export function suggestFields(kind: MappableKind, headers: readonly string[]): ColumnSuggestion[] {
  const fields = FIELDS_OF[kind];
  const candidates: { column: number; field: MappableField; score: number; length: number }[] = [];
  headers.forEach((raw, column) => {
    const header = normaliseHeaderName(raw);
    if (!header) return;
    for (const field of fields) {
      const s = score(header, raw, field, NAMES[kind][field] ?? []);
      if (s > 0) candidates.push({ column, field, score: s, length: header.length });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, MappableField>();
  const taken = new Set<MappableField>();
  for (const c of candidates) {
    if (byColumn.has(c.column) || taken.has(c.field)) continue;
    byColumn.set(c.column, c.field);
    taken.add(c.field);
  }
  return headers.map((header, column) => ({ header, field: byColumn.get(column) ?? null }));
}

/** The key a saved mapping is found by: the file's header names, normalised, sorted, without blanks. */
export function headerKey(headers: readonly string[]): string {
  return [...new Set(headers.map(normaliseHeaderName).filter((h) => h !== ''))].sort().join('|');
}
