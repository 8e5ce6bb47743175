/**
 * The closed code sets of the data model (DESIGN.md "Codes"), with their Indonesian and English
 * labels and the words spreadsheets use for them.
 */
import { defineCodeSet } from './code-set.js';

/** Forms of cooperation (DOMAIN.md "The programs"). */
export const modalities = defineCodeSet({
  training: { en: 'Training', id: 'Pelatihan', aliases: ['course', 'capacity building', 'diklat'] },
  seminar: { en: 'Seminar', id: 'Seminar' },
  workshop: { en: 'Workshop', id: 'Lokakarya' },
  expert_dispatch: {
    en: 'Expert dispatch',
    id: 'Pengiriman tenaga ahli',
    aliases: ['dispatch of experts', 'expert', 'experts', 'pengiriman ahli', 'tenaga ahli'],
  },
  internship: { en: 'Internship', id: 'Program magang', aliases: ['magang', 'apprenticeship'] },
  study_visit: { en: 'Study visit', id: 'Kunjungan belajar', aliases: ['study tour', 'kunjungan studi'] },
  equipment_grant: {
    en: 'Equipment grant',
    id: 'Bantuan peralatan',
    aliases: ['equipment', 'in-kind grant', 'hibah peralatan'],
  },
  scholarship: { en: 'Scholarship', id: 'Beasiswa' },
  knowledge_sharing: {
    en: 'Knowledge-sharing program',
    id: 'Program berbagi pengetahuan',
    aliases: ['knowledge sharing', 'berbagi pengetahuan', 'sharing best practices', 'ksp'],
  },
});
export type Modality = (typeof modalities.codes)[number];

/** Indonesia's flagship areas (comparative advantages), three fields with sub-areas, plus "other". */
export const flagshipAreas = defineCodeSet({
  'DEV-POV': { en: 'Poverty reduction', id: 'Pengentasan kemiskinan' },
  'DEV-AGR': { en: 'Livestock and agriculture', id: 'Peternakan dan pertanian', aliases: ['agriculture', 'pertanian'] },
  'DEV-DRM': {
    en: 'Disaster risk management',
    id: 'Manajemen risiko bencana',
    aliases: ['disaster management', 'penanggulangan bencana'],
  },
  'DEV-INF': { en: 'Infrastructure', id: 'Infrastruktur' },
  'DEV-EDU': { en: 'Education', id: 'Pendidikan' },
  'GOV-DEM': { en: 'Democracy', id: 'Demokrasi' },
  'GOV-PEACE': { en: 'Peace', id: 'Perdamaian' },
  'GOV-CONF': { en: 'Conflict resolution', id: 'Resolusi konflik' },
  'GOV-LAW': { en: 'Law enforcement', id: 'Penegakan hukum' },
  'GOV-LOCAL': {
    en: 'Local and regional development',
    id: 'Pembangunan lokal dan daerah',
    aliases: ['local development', 'regional development', 'pembangunan daerah'],
  },
  'ECO-MACRO': { en: 'Macro-economic management', id: 'Manajemen ekonomi makro', aliases: ['macroeconomic management'] },
  'ECO-PUBFIN': { en: 'Public finance', id: 'Keuangan publik', aliases: ['keuangan negara'] },
  'ECO-MICRO': {
    en: 'Microfinance and SMEs',
    id: 'Keuangan mikro dan UKM',
    aliases: ['microfinance', 'sme', 'smes', 'umkm', 'ukm', 'keuangan mikro'],
  },
  OTHER: { en: 'Other', id: 'Lainnya', aliases: ['others', 'lain lain'] },
});
export type FlagshipArea = (typeof flagshipAreas.codes)[number];

/** The three fields the flagship areas belong to. */
export const flagshipFields = defineCodeSet({
  DEV: { en: 'Development', id: 'Pembangunan' },
  GOV: { en: 'Good governance', id: 'Tata kelola pemerintahan yang baik' },
  ECO: { en: 'Economy', id: 'Ekonomi' },
  OTHER: { en: 'Other', id: 'Lainnya' },
});
export type FlagshipField = (typeof flagshipFields.codes)[number];

export function fieldOfFlagshipArea(area: FlagshipArea): FlagshipField {
  const prefix = area.split('-')[0] ?? '';
  return flagshipFields.is(prefix) ? prefix : 'OTHER';
}

export const cooperationTypes = defineCodeSet({
  bilateral: { en: 'Bilateral', id: 'Bilateral' },
  triangular: { en: 'Triangular', id: 'Triangular', aliases: ['trilateral', 'segitiga', 'kerja sama triangular'] },
  regional: { en: 'Regional', id: 'Regional', aliases: ['multilateral', 'kawasan'] },
});
export type CooperationType = (typeof cooperationTypes.codes)[number];

export const fundingSources = defineCodeSet({
  apbn: { en: 'State budget (APBN)', id: 'APBN', aliases: ['state budget', 'government', 'pemerintah'] },
  partner: { en: 'Partner', id: 'Mitra', aliases: ['donor', 'partner funded'] },
  mixed: { en: 'Mixed', id: 'Campuran', aliases: ['cost sharing', 'cost-sharing', 'apbn and partner'] },
});
export type FundingSource = (typeof fundingSources.codes)[number];

/**
 * IATI ActivityStatus, keyed by the words Mitra uses; the IATI code is the value exported.
 * Imports also accept the words people write (DESIGN.md "Activity status").
 */
export const activityStatuses = defineCodeSet({
  pipeline: { en: 'Pipeline', id: 'Perencanaan', aliases: ['1', 'planned', 'identification', 'direncanakan', 'rencana'] },
  implementation: {
    en: 'Implementation',
    id: 'Pelaksanaan',
    aliases: ['2', 'ongoing', 'active', 'in progress', 'berjalan', 'sedang berjalan'],
  },
  finalisation: { en: 'Finalisation', id: 'Finalisasi', aliases: ['3', 'finalization', 'closing', 'penyelesaian'] },
  closed: { en: 'Closed', id: 'Selesai', aliases: ['4', 'completed', 'complete', 'done', 'finished', 'ditutup'] },
  cancelled: { en: 'Cancelled', id: 'Dibatalkan', aliases: ['5', 'canceled', 'batal'] },
  suspended: { en: 'Suspended', id: 'Ditangguhkan', aliases: ['6', 'on hold', 'ditunda'] },
});
export type ActivityStatus = (typeof activityStatuses.codes)[number];

export const ACTIVITY_STATUS_IATI: Readonly<Record<ActivityStatus, number>> = {
  pipeline: 1,
  implementation: 2,
  finalisation: 3,
  closed: 4,
  cancelled: 5,
  suspended: 6,
};

/** Stages of the assistance process (government regulation on grants to foreign governments). */
export const lifecycleStages = defineCodeSet({
  request: { en: 'Request', id: 'Permintaan' },
  assessment: { en: 'Assessment', id: 'Penilaian' },
  approved: { en: 'Approved', id: 'Disetujui' },
  funded: { en: 'Funded', id: 'Didanai' },
  implementation: { en: 'Implementation', id: 'Pelaksanaan' },
  completed: { en: 'Completed', id: 'Selesai' },
  evaluated: { en: 'Evaluated', id: 'Dievaluasi' },
  rejected: { en: 'Rejected', id: 'Ditolak' },
  cancelled: { en: 'Cancelled', id: 'Dibatalkan' },
});
export type LifecycleStage = (typeof lifecycleStages.codes)[number];

/** Roles in South-South and triangular cooperation. */
export const sscRoles = defineCodeSet({
  first_provider: { en: 'First provider', id: 'Penyedia pertama', aliases: ['pivotal partner', 'southern provider'] },
  second_provider: { en: 'Second provider', id: 'Penyedia kedua', aliases: ['facilitating partner', 'donor'] },
  facilitator: { en: 'Facilitator', id: 'Fasilitator' },
  recipient: { en: 'Recipient', id: 'Penerima', aliases: ['beneficiary', 'beneficiary partner'] },
});
export type SscRole = (typeof sscRoles.codes)[number];

export const organisationKinds = defineCodeSet({
  provider_agency: { en: 'Provider ministry or agency', id: 'Kementerian/lembaga pelaksana' },
  embassy: { en: 'Indonesian mission abroad (embassy, consulate)', id: 'Perwakilan RI di luar negeri (KBRI, KJRI)' },
  partner: { en: 'Partner', id: 'Mitra' },
  recipient_institution: { en: 'Recipient institution', id: 'Lembaga penerima' },
  multilateral: { en: 'Multilateral organisation', id: 'Organisasi multilateral' },
});
export type OrganisationKind = (typeof organisationKinds.codes)[number];

/**
 * Kinds of organisation that may implement a program: Indonesia's ministries and agencies, and (in
 * imported IATI data) partners and multilaterals. A mission abroad relays requests and nominates
 * participants, and a recipient institution receives programs: neither implements one.
 */
export const IMPLEMENTING_KINDS: readonly OrganisationKind[] = ['provider_agency', 'partner', 'multilateral'];
export const canImplement = (kind: OrganisationKind): boolean => IMPLEMENTING_KINDS.includes(kind);

export const sexes = defineCodeSet({
  F: { en: 'Female', id: 'Perempuan', aliases: ['P', 'W', 'woman', 'wanita'] },
  M: { en: 'Male', id: 'Laki-laki', aliases: ['L', 'man', 'pria'] },
  X: { en: 'Unknown', id: 'Tidak diketahui', aliases: ['U', 'other', 'unspecified', 'lainnya'] },
});
export type Sex = (typeof sexes.codes)[number];

/**
 * Where a participant is in the journey (domain/participant/journey.ts): nominated → selected /
 * reserve / not selected → confirmed → attended → completed, or withdrawn. Only selected,
 * confirmed, attended and completed records count as participants in the reports.
 */
export const participantStatuses = defineCodeSet({
  nominated: { en: 'Nominated', id: 'Dinominasikan' },
  selected: { en: 'Selected', id: 'Terpilih' },
  reserve: { en: 'Reserve', id: 'Cadangan' },
  not_selected: { en: 'Not selected', id: 'Tidak terpilih', aliases: ['tidak terpilih', 'rejected'] },
  confirmed: { en: 'Confirmed', id: 'Terkonfirmasi', aliases: ['dikonfirmasi'] },
  attended: { en: 'Attended', id: 'Hadir' },
  completed: { en: 'Completed', id: 'Lulus', aliases: ['selesai'] },
  withdrawn: { en: 'Withdrawn', id: 'Mengundurkan diri' },
});
export type ParticipantStatus = (typeof participantStatuses.codes)[number];

/** IATI OrganisationRole codes used on participating organisations. */
export const IATI_ORG_ROLES = [1, 2, 3, 4] as const;
export type IatiOrgRole = (typeof IATI_ORG_ROLES)[number];
