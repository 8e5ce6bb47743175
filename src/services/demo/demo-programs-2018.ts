/**
 * The 14 programs of 2018 in the demo data set (DOMAIN.md, the Ministry of Foreign Affairs):
 * titles, venues, dates, forms and the single recipient of single-country programs as the sources
 * give them; participant counts, the country lists of multi-country programs and the money
 * (demo-money.ts) chosen so that the year adds up to the reported total of 384 participants from
 * 53 countries, and marked illustrative.
 */
import type { ProgramRequest } from '../../domain/program/program.schema.js';
import { money2018 } from './demo-money.js';

interface Program2018 {
  readonly key: string;
  readonly titleEn: string;
  readonly titleId: string;
  readonly venueCity: string;
  readonly venueCountry: string;
  readonly start: string;
  readonly end: string;
  readonly modality: ProgramRequest['modality'];
  readonly flagshipArea: ProgramRequest['flagshipArea'];
  readonly recipients: readonly string[];
  /** True when the sources name the recipients (single-country programs). */
  readonly recipientsFromSource: boolean;
  readonly participants: number;
  readonly sdgs: readonly string[];
  /** A note on the program, in English and Indonesian. */
  readonly description?: { readonly en: string; readonly id: string };
}

/** DOMAIN.md, table "Real programs for the demo data set", rows a–n. */
const PROGRAMS_2018: readonly Program2018[] = [
  {
    key: '01',
    titleEn: 'International seminar on microfinance for Palestine',
    titleId: 'Seminar internasional tentang keuangan mikro untuk Palestina',
    venueCity: 'Amman',
    venueCountry: 'JO',
    start: '2018-03-25',
    end: '2018-03-29',
    modality: 'seminar',
    flagshipArea: 'ECO-MICRO',
    recipients: ['PS'],
    recipientsFromSource: true,
    participants: 30,
    sdgs: ['8.10'],
  },
  {
    key: '02',
    titleEn:
      'International seminar on disaster risk management for countries of the Pacific, Africa, Europe, South America and the Caribbean',
    titleId:
      'Seminar internasional tentang manajemen risiko bencana bagi negara-negara Pasifik, Afrika, Eropa, Amerika Selatan dan Karibia',
    venueCity: 'Banda Aceh',
    venueCountry: 'ID',
    start: '2018-04-16',
    end: '2018-04-25',
    modality: 'seminar',
    flagshipArea: 'DEV-DRM',
    recipients: ['FJ', 'SB', 'VU', 'TO', 'WS', 'MZ', 'MG', 'RS', 'UA', 'PE', 'EC', 'JM', 'HT'],
    recipientsFromSource: false,
    participants: 26,
    sdgs: ['11.5', '13.1'],
  },
  {
    key: '03',
    titleEn: 'International training on SME empowerment for Asia and Pacific countries',
    titleId: 'Pelatihan internasional pemberdayaan UKM bagi negara-negara Asia dan Pasifik',
    venueCity: 'Bandung and Jakarta',
    venueCountry: 'ID',
    start: '2018-04-22',
    end: '2018-05-01',
    modality: 'training',
    flagshipArea: 'ECO-MICRO',
    recipients: ['KH', 'LA', 'VN', 'PH', 'LK', 'BD', 'NP', 'MN', 'PG', 'FJ'],
    recipientsFromSource: false,
    participants: 30,
    sdgs: ['8.3'],
  },
  {
    key: '04',
    titleEn: 'International training on aquaculture for African countries',
    titleId: 'Pelatihan internasional budi daya perikanan bagi negara-negara Afrika',
    venueCity: 'Banyuwangi',
    venueCountry: 'ID',
    start: '2018-07-15',
    end: '2018-07-21',
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    recipients: ['NG', 'GH', 'SN', 'KE', 'TZ', 'UG', 'ET', 'SD'],
    recipientsFromSource: false,
    participants: 24,
    sdgs: ['2.3', '14.7'],
  },
  {
    key: '05',
    titleEn: 'International training on fisheries for Asia-Pacific countries',
    titleId: 'Pelatihan internasional perikanan bagi negara-negara Asia-Pasifik',
    venueCity: 'Banyuwangi',
    venueCountry: 'ID',
    start: '2018-07-15',
    end: '2018-07-21',
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    recipients: ['MV', 'KI', 'TV', 'NR', 'FM', 'MH', 'PW', 'TL', 'SB', 'LK'],
    recipientsFromSource: false,
    participants: 26,
    sdgs: ['14.7', '14.b'],
  },
  {
    key: '06',
    titleEn: 'International seminar on infrastructure for Afghanistan: sharing best practices to achieve the SDGs',
    titleId: 'Seminar internasional tentang infrastruktur untuk Afghanistan: berbagi praktik terbaik untuk mencapai TPB/SDGs',
    venueCity: 'Tangerang',
    venueCountry: 'ID',
    start: '2018-08-26',
    end: '2018-09-01',
    modality: 'seminar',
    flagshipArea: 'DEV-INF',
    recipients: ['AF'],
    recipientsFromSource: true,
    participants: 20,
    sdgs: ['9.1'],
  },
  {
    key: '07',
    titleEn: 'International training on agricultural and livestock product processing technology for African countries',
    titleId: 'Pelatihan internasional teknologi pengolahan hasil pertanian dan peternakan bagi negara-negara Afrika',
    venueCity: 'Malang and Batu',
    venueCountry: 'ID',
    start: '2018-09-01',
    end: '2018-09-10',
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    recipients: ['ZW', 'ZM', 'MW', 'RW', 'BI', 'CM', 'TZ', 'KE'],
    recipientsFromSource: false,
    participants: 24,
    sdgs: ['2.3'],
  },
  {
    key: '08',
    titleEn: 'Training on youth and women empowerment for border communities of Indonesia and Papua New Guinea',
    titleId: 'Pelatihan pemberdayaan pemuda dan perempuan bagi masyarakat perbatasan Indonesia dan Papua Nugini',
    venueCity: 'Jayapura',
    venueCountry: 'ID',
    start: '2018-10-28',
    end: '2018-11-01',
    modality: 'training',
    flagshipArea: 'GOV-LOCAL',
    recipients: ['PG'],
    recipientsFromSource: true,
    participants: 40,
    sdgs: ['5.5', '8.6'],
  },
  {
    key: '09',
    titleEn: 'Dispatch of an expert for coconut-shell handicraft training',
    titleId: 'Pengiriman tenaga ahli untuk pelatihan kerajinan tempurung kelapa',
    venueCity: 'Belize City',
    venueCountry: 'BZ',
    start: '2018-11-05',
    end: '2018-11-09',
    modality: 'expert_dispatch',
    flagshipArea: 'DEV-POV',
    recipients: ['BZ'],
    recipientsFromSource: true,
    participants: 15,
    sdgs: ['8.3'],
  },
  {
    key: '10',
    titleEn: 'International seminar on SME empowerment for Palestine and Jordan',
    titleId: 'Seminar internasional tentang pemberdayaan UKM untuk Palestina dan Yordania',
    venueCity: 'Amman',
    venueCountry: 'JO',
    start: '2018-11-17',
    end: '2018-11-21',
    modality: 'seminar',
    flagshipArea: 'ECO-MICRO',
    recipients: ['PS', 'JO'],
    recipientsFromSource: true,
    participants: 30,
    sdgs: ['8.3'],
  },
  {
    key: '11',
    titleEn: 'Dispatch of health experts and medical aid',
    titleId: 'Pengiriman tenaga ahli kesehatan dan bantuan medis',
    venueCity: 'Dili',
    venueCountry: 'TL',
    start: '2018-11-18',
    end: '2018-11-23',
    modality: 'expert_dispatch',
    flagshipArea: 'OTHER',
    recipients: ['TL'],
    recipientsFromSource: true,
    participants: 40,
    sdgs: ['3.8'],
    description: {
      en: 'Expert dispatch combined with an equipment grant (medical aid).',
      id: 'Pengiriman tenaga ahli yang disertai bantuan peralatan (bantuan medis).',
    },
  },
  {
    key: '12',
    titleEn: 'Workshop on international conference management for Gambia',
    titleId: 'Lokakarya manajemen konferensi internasional untuk Gambia',
    venueCity: 'Banjul',
    venueCountry: 'GM',
    start: '2018-11-27',
    end: '2018-11-30',
    modality: 'workshop',
    flagshipArea: 'OTHER',
    recipients: ['GM'],
    recipientsFromSource: true,
    participants: 25,
    sdgs: ['16.6'],
  },
  {
    key: '13',
    titleEn: 'Dispatch of agriculture experts',
    titleId: 'Pengiriman tenaga ahli pertanian',
    venueCity: 'Yangon',
    venueCountry: 'MM',
    start: '2018-12-06',
    end: '2018-12-11',
    modality: 'expert_dispatch',
    flagshipArea: 'DEV-AGR',
    recipients: ['MM'],
    recipientsFromSource: true,
    participants: 20,
    sdgs: ['2.4'],
  },
  {
    key: '14',
    titleEn: 'International seminar on young social entrepreneurship: achieving the SDGs through the creative economy',
    titleId: 'Seminar internasional kewirausahaan sosial muda: mencapai TPB/SDGs melalui ekonomi kreatif',
    venueCity: 'Jayapura',
    venueCountry: 'ID',
    start: '2018-12-11',
    end: '2018-12-11',
    modality: 'seminar',
    flagshipArea: 'ECO-MICRO',
    recipients: ['PK', 'TH', 'MY', 'PG', 'FJ', 'TL', 'PH', 'SB', 'VU'],
    recipientsFromSource: false,
    participants: 34,
    sdgs: ['8.3', '17.9'],
  },
];

const ILLUSTRATIVE_NOTE = {
  en: 'Illustrative values: participant numbers, budget and (for multi-country programs) the recipient list are not given by the sources.',
  id: 'Nilai ilustratif: jumlah peserta, anggaran dan (untuk program multinegara) daftar negara penerima tidak diberikan oleh sumber.',
};

function program2018(p: Program2018): ProgramRequest {
  return {
    identifier: `ID-KEMLU-2018-${p.key}`,
    titleEn: p.titleEn,
    titleId: p.titleId,
    descriptionEn: [p.description?.en, ILLUSTRATIVE_NOTE.en].filter(Boolean).join(' '),
    descriptionId: [p.description?.id, ILLUSTRATIVE_NOTE.id].filter(Boolean).join(' '),
    modality: p.modality,
    flagshipArea: p.flagshipArea,
    cooperationType: p.recipients.length > 1 ? 'regional' : 'bilateral',
    activityStatus: 'closed',
    lifecycleStage: 'evaluated',
    plannedStart: p.start,
    plannedEnd: p.end,
    actualStart: p.start,
    actualEnd: p.end,
    venueCity: p.venueCity,
    venueCountry: p.venueCountry,
    implementingOrg: 'ID-KEMLU',
    fundingSource: 'apbn',
    participantsPlanned: p.participants,
    // Participant counts and budgets are not in the sources, so every 2018 record is illustrative.
    illustrative: true,
    recipients: p.recipients.map((country) => ({ country })),
    sdgs: [...p.sdgs],
    ...money2018(p.participants, p.end),
  };
}

export const DEMO_PROGRAMS_2018: readonly ProgramRequest[] = PROGRAMS_2018.map(program2018);
