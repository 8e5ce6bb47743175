/**
 * The fields a completeness rule (kind `field_present`) may ask for, with their bilingual labels
 * and how each is read from a program's quality facts. A rule names one by its code in its
 * params, so a new completeness rule over these fields is a row in `quality_rules`, no code.
 */
import { defineCodeSet } from '../code-set.js';
import type { QualityProgram } from './facts.js';

export const qualityFields = defineCodeSet({
  title: { en: 'title', id: 'judul' },
  title_both_languages: { en: 'title in Indonesian and English', id: 'judul dalam bahasa Indonesia dan Inggris' },
  description: { en: 'description', id: 'deskripsi' },
  modality: { en: 'modality', id: 'bentuk kegiatan' },
  flagship_area: { en: 'flagship area', id: 'bidang unggulan' },
  implementing_org: { en: 'implementing agency', id: 'kementerian/lembaga pelaksana' },
  funding_source: { en: 'funding source', id: 'sumber dana' },
  planned_dates: { en: 'planned start and end dates', id: 'tanggal mulai dan selesai yang direncanakan' },
  actual_start: { en: 'actual start date', id: 'tanggal mulai sebenarnya' },
  actual_end: { en: 'actual end date', id: 'tanggal selesai sebenarnya' },
  venue: { en: 'venue (city and country)', id: 'tempat (kota dan negara)' },
  participants_planned: { en: 'planned number of participants', id: 'jumlah peserta yang direncanakan' },
  recipients: { en: 'recipient countries', id: 'negara penerima' },
  partners: { en: 'partners', id: 'mitra' },
  sectors: { en: 'sectors', id: 'sektor' },
  sdgs: { en: 'SDG targets', id: 'target TPB/SDG' },
  budget: { en: 'budget', id: 'anggaran' },
  spending: { en: 'spending (disbursements or expenditure)', id: 'realisasi (pencairan atau belanja)' },
  participants: { en: 'participants', id: 'peserta' },
});
export type QualityField = (typeof qualityFields.codes)[number];

const has = (value: string | null): boolean => value !== null && value.trim() !== '';

/** Whether a program has the field recorded. */
export const FIELD_PRESENT: Readonly<Record<QualityField, (p: QualityProgram) => boolean>> = {
  title: (p) => has(p.titleEn) || has(p.titleId),
  title_both_languages: (p) => has(p.titleEn) && has(p.titleId),
  description: (p) => has(p.descriptionEn) || has(p.descriptionId),
  modality: (p) => p.modality !== null,
  flagship_area: (p) => p.flagshipArea !== null,
  implementing_org: (p) => p.implementingOrg !== null,
  funding_source: (p) => p.fundingSource !== null,
  planned_dates: (p) => p.plannedStart !== null && p.plannedEnd !== null,
  actual_start: (p) => p.actualStart !== null,
  actual_end: (p) => p.actualEnd !== null,
  venue: (p) => has(p.venueCity) && has(p.venueCountry),
  participants_planned: (p) => p.participantsPlanned !== null,
  recipients: (p) => p.recipients > 0,
  partners: (p) => p.partners > 0,
  sectors: (p) => p.sectors > 0,
  sdgs: (p) => p.sdgs > 0,
  budget: (p) => p.budgets > 0,
  spending: (p) => p.spendingTransactions > 0,
  participants: (p) => p.participants > 0,
};
