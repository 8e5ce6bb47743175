/**
 * The 2017 programs of the demo data set. DOMAIN.md gives the year's totals — about 13 programs
 * with about 288 participants, with priority for Palestine, Africa, the Pacific and Timor-Leste —
 * and triangular cooperation with Japan, Brazil, Mexico, France and the United States, but no
 * program by name. So every program below is illustrative (its description says so, in both
 * languages): three triangular programs with JICA and the United States, and ten programs of the
 * line ministries on the state budget, chosen within the flagship areas and the priorities so
 * that the year holds 13 programs and 288 participants (54 + 234). No money is recorded for
 * 2017, so the year's value shows as in-kind estimates (demo-money.ts, unit costs).
 */
import type { ProgramRequest } from '../../domain/program/program.schema.js';

const TRIANGULAR_NOTE = {
  en: 'Illustrative example of the triangular cooperation reported for 2017; details are not given by the sources.',
  id: 'Contoh ilustratif kerja sama triangular yang dilaporkan untuk 2017; rinciannya tidak diberikan oleh sumber.',
};

/** The triangular programs: with JICA (Japan) and the United States government. */
const TRIANGULAR_2017: readonly ProgramRequest[] = (
  [
    {
      identifier: 'ID-BNPB-2017-01',
      titleEn: 'Third-country training on community-based disaster risk management for Pacific countries',
      titleId: 'Pelatihan negara ketiga tentang manajemen risiko bencana berbasis masyarakat bagi negara-negara Pasifik',
      modality: 'training',
      flagshipArea: 'DEV-DRM',
      implementingOrg: 'ID-BNPB',
      recipients: ['FJ', 'SB', 'VU', 'PG', 'TO', 'WS'].map((country) => ({ country })),
      partners: [
        { org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionAmount: '85000', currency: 'USD', inKind: false },
        { org: 'ID-BNPB', iatiRole: 4, sscRole: 'first_provider' },
      ],
      plannedStart: '2017-10-09',
      plannedEnd: '2017-10-27',
      venueCity: 'Jakarta',
      participantsPlanned: 18,
      sdgs: ['11.5', '13.1'],
      fundingSource: 'mixed',
    },
    {
      identifier: 'ID-KKP-2017-01',
      titleEn: 'Third-country training on sustainable fisheries management for African countries',
      titleId: 'Pelatihan negara ketiga tentang pengelolaan perikanan berkelanjutan bagi negara-negara Afrika',
      modality: 'training',
      flagshipArea: 'DEV-AGR',
      implementingOrg: 'ID-KKP',
      recipients: ['TZ', 'MZ', 'MG', 'KE'].map((country) => ({ country })),
      partners: [
        { org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionAmount: '60000', currency: 'USD', inKind: false },
        { org: 'ID-KKP', iatiRole: 4, sscRole: 'first_provider' },
      ],
      plannedStart: '2017-08-07',
      plannedEnd: '2017-08-25',
      venueCity: 'Bitung',
      participantsPlanned: 16,
      sdgs: ['14.4'],
      fundingSource: 'mixed',
    },
    {
      identifier: 'ID-KEMENKES-2017-01',
      titleEn: 'Triangular training on maternal and child health for Timor-Leste',
      titleId: 'Pelatihan triangular tentang kesehatan ibu dan anak untuk Timor-Leste',
      modality: 'training',
      flagshipArea: 'OTHER',
      implementingOrg: 'ID-KEMENKES',
      recipients: [{ country: 'TL' }],
      partners: [
        { org: 'US-GOV-1', iatiRole: 1, sscRole: 'second_provider', contributionAmount: '40000', currency: 'USD', inKind: false },
        { org: 'ID-KEMENKES', iatiRole: 4, sscRole: 'first_provider' },
      ],
      plannedStart: '2017-06-12',
      plannedEnd: '2017-06-23',
      venueCity: 'Yogyakarta',
      participantsPlanned: 20,
      sdgs: ['3.1', '3.2'],
      fundingSource: 'mixed',
    },
  ] satisfies ProgramRequest[]
).map((p) => ({
  ...p,
  descriptionEn: TRIANGULAR_NOTE.en,
  descriptionId: TRIANGULAR_NOTE.id,
  cooperationType: 'triangular' as const,
  venueCountry: 'ID',
}));

interface Program2017 {
  readonly identifier: string;
  readonly titleEn: string;
  readonly titleId: string;
  readonly modality: ProgramRequest['modality'];
  readonly flagshipArea: ProgramRequest['flagshipArea'];
  readonly implementingOrg: string;
  readonly recipients: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly venueCity: string;
  readonly venueCountry: string;
  readonly participants: number;
  readonly sdgs: readonly string[];
}

const STATE_BUDGET_NOTE = {
  en: 'Illustrative program of 2017: the sources give the year’s totals (about 13 programs, about 288 participants) and its priorities, not this program; its title, implementer, recipients, dates and participant number are chosen to fit them.',
  id: 'Program ilustratif tahun 2017: sumber hanya memberikan jumlah tahunan (sekitar 13 program, sekitar 288 peserta) dan prioritasnya, bukan program ini; judul, pelaksana, negara penerima, tanggal dan jumlah pesertanya dipilih agar sesuai dengan itu.',
};

/** The programs on the state budget (APBN): 234 participants in all. */
const APBN_2017: readonly Program2017[] = [
  {
    identifier: 'ID-POLRI-2017-01',
    titleEn: 'International training on the investigation of transnational crime for Asia-Pacific police officers',
    titleId: 'Pelatihan internasional tentang penyidikan kejahatan transnasional bagi perwira polisi Asia-Pasifik',
    modality: 'training',
    flagshipArea: 'GOV-LAW',
    implementingOrg: 'ID-POLRI',
    recipients: ['TL', 'PG', 'FJ', 'MM', 'KH', 'LA', 'PH', 'VN', 'TH', 'LK'],
    start: '2017-03-13',
    end: '2017-03-24',
    venueCity: 'Semarang',
    venueCountry: 'ID',
    participants: 30,
    sdgs: ['16.4'],
  },
  {
    identifier: 'ID-KEMLU-2017-01',
    titleEn: 'Capacity building for Palestinian diplomats',
    titleId: 'Peningkatan kapasitas bagi diplomat Palestina',
    modality: 'training',
    flagshipArea: 'GOV-DEM',
    implementingOrg: 'ID-KEMLU',
    recipients: ['PS'],
    start: '2017-04-10',
    end: '2017-04-21',
    venueCity: 'Jakarta',
    venueCountry: 'ID',
    participants: 20,
    sdgs: ['16.6', '17.9'],
  },
  {
    identifier: 'ID-KEMENTAN-2017-01',
    titleEn: 'International training on rice cultivation and farm mechanisation for African countries',
    titleId: 'Pelatihan internasional tentang budi daya padi dan mekanisasi pertanian bagi negara-negara Afrika',
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    implementingOrg: 'ID-KEMENTAN',
    recipients: ['TZ', 'GM', 'MG', 'MZ', 'ET', 'SN'],
    start: '2017-05-08',
    end: '2017-05-19',
    venueCity: 'Bogor',
    venueCountry: 'ID',
    participants: 24,
    sdgs: ['2.3'],
  },
  {
    identifier: 'ID-KKP-2017-02',
    titleEn: 'International training on seaweed farming for Pacific countries',
    titleId: 'Pelatihan internasional tentang budi daya rumput laut bagi negara-negara Pasifik',
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    implementingOrg: 'ID-KKP',
    recipients: ['FJ', 'PG', 'SB', 'VU', 'TO', 'KI'],
    start: '2017-06-05',
    end: '2017-06-14',
    venueCity: 'Mataram',
    venueCountry: 'ID',
    participants: 24,
    sdgs: ['14.7'],
  },
  {
    identifier: 'ID-KEMLU-2017-02',
    titleEn: 'International workshop on democracy and good governance for African countries',
    titleId: 'Lokakarya internasional tentang demokrasi dan tata kelola pemerintahan yang baik bagi negara-negara Afrika',
    modality: 'workshop',
    flagshipArea: 'GOV-DEM',
    implementingOrg: 'ID-KEMLU',
    recipients: ['ET', 'KE', 'TZ', 'UG', 'GH', 'NG', 'SN', 'SD', 'ZW', 'ZM'],
    start: '2017-07-17',
    end: '2017-07-21',
    venueCity: 'Yogyakarta',
    venueCountry: 'ID',
    participants: 30,
    sdgs: ['16.7'],
  },
  {
    identifier: 'ID-KEMENKEU-2017-01',
    titleEn: 'Knowledge sharing on public financial management for Timor-Leste',
    titleId: 'Berbagi pengetahuan tentang pengelolaan keuangan negara untuk Timor-Leste',
    modality: 'knowledge_sharing',
    flagshipArea: 'ECO-PUBFIN',
    implementingOrg: 'ID-KEMENKEU',
    recipients: ['TL'],
    start: '2017-08-14',
    end: '2017-08-18',
    venueCity: 'Jakarta',
    venueCountry: 'ID',
    participants: 15,
    sdgs: ['17.1'],
  },
  {
    identifier: 'ID-KEMLU-2017-03',
    titleEn: 'International training on village community empowerment for Pacific countries',
    titleId: 'Pelatihan internasional tentang pemberdayaan masyarakat desa bagi negara-negara Pasifik',
    modality: 'training',
    flagshipArea: 'DEV-POV',
    implementingOrg: 'ID-KEMLU',
    recipients: ['FJ', 'PG', 'SB', 'VU', 'WS', 'TO', 'KI', 'TV', 'NR'],
    start: '2017-09-11',
    end: '2017-09-20',
    venueCity: 'Makassar',
    venueCountry: 'ID',
    participants: 30,
    sdgs: ['1.4'],
  },
  {
    identifier: 'ID-KEMENTAN-2017-02',
    titleEn: 'Dispatch of agriculture experts to Timor-Leste',
    titleId: 'Pengiriman tenaga ahli pertanian ke Timor-Leste',
    modality: 'expert_dispatch',
    flagshipArea: 'DEV-AGR',
    implementingOrg: 'ID-KEMENTAN',
    recipients: ['TL'],
    start: '2017-10-02',
    end: '2017-10-13',
    venueCity: 'Dili',
    venueCountry: 'TL',
    participants: 6,
    sdgs: ['2.4'],
  },
  {
    identifier: 'ID-BAPPENAS-2017-01',
    titleEn: 'International workshop on national development planning for Asian and African countries',
    titleId: 'Lokakarya internasional tentang perencanaan pembangunan nasional bagi negara-negara Asia dan Afrika',
    modality: 'workshop',
    flagshipArea: 'ECO-MACRO',
    implementingOrg: 'ID-BAPPENAS',
    recipients: ['AF', 'PS', 'MM', 'BD', 'KH', 'LA', 'NP', 'EG', 'SD', 'TZ'],
    start: '2017-11-06',
    end: '2017-11-10',
    venueCity: 'Jakarta',
    venueCountry: 'ID',
    participants: 25,
    sdgs: ['17.9'],
  },
  {
    identifier: 'ID-KEMENSETNEG-2017-01',
    titleEn: 'Entrepreneurship Boot Camp for Asia-Pacific, second round',
    titleId: 'Entrepreneurship Boot Camp bagi negara-negara Asia-Pasifik, putaran kedua',
    modality: 'training',
    flagshipArea: 'ECO-MICRO',
    implementingOrg: 'ID-KEMENSETNEG',
    recipients: ['FJ', 'PG', 'SB', 'VU', 'TL', 'MM', 'KH', 'LA', 'VN', 'PH'],
    start: '2017-11-20',
    end: '2017-11-29',
    venueCity: 'Bandung',
    venueCountry: 'ID',
    participants: 30,
    sdgs: ['8.3'],
  },
];

function apbnProgram(p: Program2017): ProgramRequest {
  return {
    identifier: p.identifier,
    titleEn: p.titleEn,
    titleId: p.titleId,
    descriptionEn: STATE_BUDGET_NOTE.en,
    descriptionId: STATE_BUDGET_NOTE.id,
    modality: p.modality,
    flagshipArea: p.flagshipArea,
    implementingOrg: p.implementingOrg,
    cooperationType: p.recipients.length > 1 ? 'regional' : 'bilateral',
    recipients: p.recipients.map((country) => ({ country })),
    plannedStart: p.start,
    plannedEnd: p.end,
    venueCity: p.venueCity,
    venueCountry: p.venueCountry,
    participantsPlanned: p.participants,
    sdgs: [...p.sdgs],
    fundingSource: 'apbn',
  };
}

/** 2017: 13 programs, 288 participants; all held and closed (stage completed). */
export const DEMO_PROGRAMS_2017: readonly ProgramRequest[] = [...TRIANGULAR_2017, ...APBN_2017.map(apbnProgram)].map((p) => ({
  ...p,
  activityStatus: 'closed' as const,
  lifecycleStage: 'evaluated' as const,
  actualStart: p.plannedStart,
  actualEnd: p.plannedEnd,
  illustrative: true,
}));
