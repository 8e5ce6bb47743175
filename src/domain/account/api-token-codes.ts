/**
 * The codes of API tokens (scopes, roles, the longest life), without zod: the CLI's command
 * definitions name them in their help, and `mitra --version` must not load a schema library
 * (cli/startup.int.test.ts). The schemas and rules are in api-token.ts.
 */
import type { Role } from '../access/actor.js';
import { defineCodeSet } from '../code-set.js';

/**
 * What a token may do, one scope per group of write routes (server/api-token-scopes.ts maps each
 * route to its scope). `read` covers every GET the role may make; a write scope allows only the
 * writes of its group, and the role's own rules still apply on top (services authorise as usual).
 */
export const apiScopes = defineCodeSet({
  read: { en: 'Read what the role may read', id: 'Membaca apa yang boleh dibaca perannya' },
  'programs:write': { en: 'Programs: register, change, delete, move through the lifecycle', id: 'Program: daftar, ubah, hapus, tahapan' },
  'participants:write': { en: 'Participants of programs', id: 'Peserta program' },
  'results:write': {
    en: 'Results frameworks of programs (results, indicators, periods)',
    id: 'Kerangka hasil program (hasil, indikator, periode)',
  },
  'offers:write': { en: 'Course offers, nominations, documents and selection', id: 'Penawaran kursus, nominasi, dokumen dan seleksi' },
  'attendance:write': { en: 'Attendance and certificates', id: 'Kehadiran dan sertifikat' },
  'alumni:write': { en: 'Follow-up surveys and erasure of personal data', id: 'Survei lanjutan dan penghapusan data pribadi' },
  'requests:write': { en: 'Partner governments’ requests', id: 'Permintaan pemerintah mitra' },
  'partnerships:write': {
    en: 'Agreements, engagements, follow-ups and partner contacts',
    id: 'Perjanjian, pertemuan, tindak lanjut dan kontak mitra',
  },
  'organisations:write': { en: 'Organisations', id: 'Organisasi' },
  'imports:write': { en: 'Imports (CSV, XLSX, IATI) and column mappings', id: 'Impor (CSV, XLSX, IATI) dan pemetaan kolom' },
  'other-providers:write': { en: 'Other providers’ IATI data', id: 'Data IATI penyedia lain' },
  'money:write': { en: 'Unit costs of in-kind estimates', id: 'Biaya satuan estimasi natura' },
  'priorities:write': { en: 'Policy priorities and country lists', id: 'Prioritas kebijakan dan daftar negara' },
  'editions:write': { en: 'Frozen editions of a year’s figures', id: 'Edisi beku angka tahunan' },
  'rounds:write': { en: 'Collection rounds', id: 'Putaran pengumpulan data' },
  'quality:write': { en: 'Data-quality rules', id: 'Aturan kualitas data' },
});
export type ApiScope = (typeof apiScopes.codes)[number];

/**
 * Roles a token may act as. Not `admin`: an administrator's power beyond a coordinator's is the
 * management of accounts and tokens, which no token reaches; a coordinator token covers all data.
 */
export const TOKEN_ROLES = ['coordinator', 'agency', 'embassy', 'focal_point', 'viewer'] as const satisfies readonly Role[];
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** A token lives at most a year (the brief of issue 24); rotation replaces it before then. */
export const TOKEN_MAX_DAYS = 365;
