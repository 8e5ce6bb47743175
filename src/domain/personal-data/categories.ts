/**
 * The categories of personal data Mitra holds (docs/privacy.md), shared by the breach log (what
 * a breach touched), the retention rules (how long each is kept) and the register of processing
 * activities (register.ts maps every personal column of the schema to one of them).
 */
import { defineCodeSet } from '../code-set.js';

export const personalDataCategories = defineCodeSet({
  identity: {
    en: 'Identity (name, sex, country, position, organisation)',
    id: 'Identitas (nama, jenis kelamin, negara, jabatan, instansi)',
  },
  contact: { en: 'Contact details (email, phone)', id: 'Data kontak (surel, telepon)' },
  consent: { en: 'Consent and nomination', id: 'Persetujuan dan nominasi' },
  selection: { en: 'Selection and journey (status, notes, history)', id: 'Seleksi dan perjalanan (status, catatan, riwayat)' },
  cv: { en: 'CVs', id: 'CV' },
  letter: { en: 'Nomination letters', id: 'Surat nominasi' },
  attendance: { en: 'Attendance', id: 'Kehadiran' },
  certificates: { en: 'Certificates', id: 'Sertifikat' },
  mail: { en: 'Mail sent to the person', id: 'Surat yang dikirim' },
  survey_text: { en: 'Survey answers', id: 'Jawaban survei' },
  partner_contacts: { en: "Partners' contact persons", id: 'Narahubung mitra' },
  program_documents: {
    en: "Programs' documents naming or showing people (participant lists, photos)",
    id: 'Dokumen program yang memuat nama atau foto orang (daftar peserta, foto)',
  },
  evaluators: { en: "Programs' evaluators", id: 'Evaluator program' },
  accounts: { en: 'User accounts and sign-ins', id: 'Akun pengguna dan log masuk' },
  audit: { en: 'Audit log', id: 'Log audit' },
});
export type PersonalDataCategory = (typeof personalDataCategories.codes)[number];
