/**
 * The demo data set: the real programs of DOMAIN.md (Indonesia, Ministry of Foreign Affairs and
 * line ministries, 2016–2018) and the triangular partners of 2017.
 *
 * What the sources give is kept as given: titles, venues, dates, forms and the single recipient
 * of single-country programs of 2018, the 27 participants of the 2016 Entrepreneurship Boot Camp.
 * Everything else (the country lists of multi-country programs, participant counts per program,
 * implementers and dates of 2016, budgets, the 2017 triangular programs, participant names) is
 * chosen to be plausible and marked `illustrative: true`. The 2018 figures are chosen so that the
 * year adds up to the reported total: 14 programs, 384 participants from 53 countries.
 */
import type { ProgramRequest } from '../../domain/program/program.schema.js';
import type { OrganisationRequest } from '../../domain/organisation/organisation.schema.js';
import type { ParticipantRequest } from '../../domain/participant/participant.schema.js';
import { cycle } from '../synthetic.js';

const GOV = '10';

export const DEMO_ORGANISATIONS: readonly OrganisationRequest[] = [
  {
    code: 'ID-KEMLU',
    acronym: 'Kemlu',
    nameEn: 'Ministry of Foreign Affairs',
    nameId: 'Kementerian Luar Negeri',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-KEMENSETNEG',
    acronym: 'Kemensetneg',
    nameEn: 'Ministry of State Secretariat',
    nameId: 'Kementerian Sekretariat Negara',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-BAPPENAS',
    acronym: 'Bappenas',
    nameEn: 'Ministry of National Development Planning',
    nameId: 'Kementerian Perencanaan Pembangunan Nasional/Bappenas',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-KEMENKEU',
    acronym: 'Kemenkeu',
    nameEn: 'Ministry of Finance',
    nameId: 'Kementerian Keuangan',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-POLRI',
    acronym: 'Polri',
    nameEn: 'Indonesian National Police',
    nameId: 'Kepolisian Negara Republik Indonesia',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-KEMENKES',
    acronym: 'Kemenkes',
    nameEn: 'Ministry of Health',
    nameId: 'Kementerian Kesehatan',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-KEMENTAN',
    acronym: 'Kementan',
    nameEn: 'Ministry of Agriculture',
    nameId: 'Kementerian Pertanian',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-KKP',
    acronym: 'KKP',
    nameEn: 'Ministry of Marine Affairs and Fisheries',
    nameId: 'Kementerian Kelautan dan Perikanan',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  {
    code: 'ID-BNPB',
    acronym: 'BNPB',
    nameEn: 'National Disaster Management Authority',
    nameId: 'Badan Nasional Penanggulangan Bencana',
    type: GOV,
    countryCode: 'ID',
    kind: 'provider_agency',
  },
  // Triangular partners of 2017 (DOMAIN.md). USAID's code is its IATI organisation identifier;
  // the others use their acronym until their IATI identifiers are confirmed.
  {
    code: 'JICA',
    acronym: 'JICA',
    nameEn: 'Japan International Cooperation Agency',
    nameId: 'Badan Kerja Sama Internasional Jepang',
    type: GOV,
    countryCode: 'JP',
    kind: 'partner',
  },
  {
    code: 'ABC',
    acronym: 'ABC',
    nameEn: 'Brazilian Cooperation Agency (Agência Brasileira de Cooperação)',
    nameId: 'Badan Kerja Sama Brasil',
    type: GOV,
    countryCode: 'BR',
    kind: 'partner',
  },
  {
    code: 'AMEXCID',
    acronym: 'AMEXCID',
    nameEn: 'Mexican Agency for International Development Cooperation',
    nameId: 'Badan Kerja Sama Pembangunan Internasional Meksiko',
    type: GOV,
    countryCode: 'MX',
    kind: 'partner',
  },
  {
    code: 'AFD',
    acronym: 'AFD',
    nameEn: 'French Development Agency (Agence Française de Développement)',
    nameId: 'Badan Pembangunan Prancis',
    type: GOV,
    countryCode: 'FR',
    kind: 'partner',
  },
  {
    code: 'US-GOV-1',
    acronym: 'USAID',
    nameEn: 'U.S. Agency for International Development',
    nameId: 'Badan Pembangunan Internasional Amerika Serikat',
    type: GOV,
    countryCode: 'US',
    kind: 'partner',
  },
];

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
  readonly description?: string;
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
    description: 'Expert dispatch combined with an equipment grant (medical aid).',
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

const ILLUSTRATIVE_NOTE_EN =
  'Illustrative values: participant numbers, budget and (for multi-country programs) the recipient list are not given by the sources.';

function program2018(p: Program2018): ProgramRequest {
  return {
    identifier: `ID-KEMLU-2018-${p.key}`,
    titleEn: p.titleEn,
    titleId: p.titleId,
    descriptionEn: [p.description, ILLUSTRATIVE_NOTE_EN].filter(Boolean).join(' '),
    modality: p.modality,
    flagshipArea: p.flagshipArea,
    cooperationType: p.recipients.length > 1 ? 'regional' : 'bilateral',
    activityStatus: 'closed',
    lifecycleStage: 'completed',
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
    budgets: [
      {
        type: 1,
        status: 2,
        periodStart: '2018-01-01',
        periodEnd: '2018-12-31',
        amount: String(p.participants * 15_000_000),
        currency: 'IDR',
        valueDate: '2018-01-01',
      },
    ],
    transactions: [
      {
        type: '4',
        date: p.end,
        amount: String(p.participants * 14_250_000),
        currency: 'IDR',
        valueDate: p.end,
        description: 'Program expenditure',
      },
    ],
  };
}

/** DOMAIN.md, "Earlier flagship programs (2016)". Only titles (and one count) are sourced. */
const PROGRAMS_2016: readonly ProgramRequest[] = (
  [
    {
      identifier: 'ID-POLRI-2016-01',
      titleEn: 'Seminar on cybercrime and digital forensics for Palestinian police officers',
      titleId: 'Seminar kejahatan siber dan forensik digital bagi perwira polisi Palestina',
      modality: 'seminar',
      flagshipArea: 'GOV-LAW',
      implementingOrg: 'ID-POLRI',
      recipients: [{ country: 'PS' }],
      plannedStart: '2016-05-09',
      plannedEnd: '2016-05-13',
      participantsPlanned: 20,
      sdgs: ['16.a'],
    },
    {
      identifier: 'ID-POLRI-2016-02',
      titleEn: 'Seminar on public-order management for Asia-Pacific countries',
      titleId: 'Seminar manajemen ketertiban umum bagi negara-negara Asia-Pasifik',
      modality: 'seminar',
      flagshipArea: 'GOV-PEACE',
      implementingOrg: 'ID-POLRI',
      recipients: ['TL', 'PG', 'FJ', 'SB', 'VU', 'MM', 'KH', 'LA', 'PH'].map((country) => ({ country })),
      plannedStart: '2016-08-15',
      plannedEnd: '2016-08-19',
      participantsPlanned: 25,
      sdgs: ['16.1'],
    },
    {
      identifier: 'ID-KEMENSETNEG-2016-01',
      titleEn: 'Knowledge sharing on ODA management for Egypt',
      titleId: 'Berbagi pengetahuan tentang pengelolaan ODA untuk Mesir',
      modality: 'knowledge_sharing',
      flagshipArea: 'ECO-PUBFIN',
      implementingOrg: 'ID-KEMENSETNEG',
      recipients: [{ country: 'EG' }],
      plannedStart: '2016-10-03',
      plannedEnd: '2016-10-07',
      participantsPlanned: 10,
      sdgs: ['17.9'],
    },
    {
      identifier: 'ID-KEMENSETNEG-2016-02',
      titleEn: 'Entrepreneurship Boot Camp for Asia-Pacific',
      titleId: 'Entrepreneurship Boot Camp bagi negara-negara Asia-Pasifik',
      modality: 'training',
      flagshipArea: 'ECO-MICRO',
      implementingOrg: 'ID-KEMENSETNEG',
      recipients: ['FJ', 'PG', 'SB', 'VU', 'TL', 'MM', 'KH', 'LA', 'VN'].map((country) => ({ country })),
      plannedStart: '2016-11-07',
      plannedEnd: '2016-11-18',
      // 27 participants is the reported figure (DOMAIN.md); the country list is illustrative.
      participantsPlanned: 27,
      sdgs: ['8.3'],
    },
    {
      identifier: 'ID-KEMLU-2016-01',
      titleEn: 'Sharing best practices on women and leadership',
      titleId: 'Berbagi praktik terbaik tentang perempuan dan kepemimpinan',
      modality: 'knowledge_sharing',
      flagshipArea: 'GOV-DEM',
      implementingOrg: 'ID-KEMLU',
      recipients: ['AF', 'PS', 'TL', 'MM'].map((country) => ({ country })),
      plannedStart: '2016-09-05',
      plannedEnd: '2016-09-09',
      participantsPlanned: 20,
      sdgs: ['5.5'],
    },
    {
      identifier: 'ID-KEMENKES-2016-01',
      titleEn: 'OIC workshop on vaccine management',
      titleId: 'Lokakarya OKI tentang manajemen vaksin',
      modality: 'workshop',
      flagshipArea: 'OTHER',
      implementingOrg: 'ID-KEMENKES',
      recipients: ['SN', 'NG', 'BD', 'PK', 'AF', 'YE', 'SD', 'UG'].map((country) => ({ country })),
      plannedStart: '2016-11-21',
      plannedEnd: '2016-11-24',
      participantsPlanned: 24,
      sdgs: ['3.b'],
    },
  ] satisfies ProgramRequest[]
).map((p) => ({
  ...p,
  descriptionEn:
    'Flagship program of 2016. Illustrative values: dates, implementer, recipients (for multi-country programs) and participant numbers are not given by the sources.',
  cooperationType: (p.recipients?.length ?? 0) > 1 ? ('regional' as const) : ('bilateral' as const),
  activityStatus: 'closed' as const,
  lifecycleStage: 'completed' as const,
  actualStart: p.plannedStart,
  actualEnd: p.plannedEnd,
  venueCountry: 'ID',
  fundingSource: 'apbn' as const,
  illustrative: true,
}));

/**
 * 2017: triangular cooperation with Japan, Brazil, Mexico, France and the United States
 * (DOMAIN.md). The programs below are illustrative examples of that cooperation.
 */
const PROGRAMS_2017: readonly ProgramRequest[] = (
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
  descriptionEn: 'Illustrative example of the triangular cooperation reported for 2017; details are not given by the sources.',
  cooperationType: 'triangular' as const,
  activityStatus: 'closed' as const,
  lifecycleStage: 'completed' as const,
  actualStart: p.plannedStart,
  actualEnd: p.plannedEnd,
  venueCountry: 'ID',
  illustrative: true,
}));

export const DEMO_ACTIVITIES: readonly ProgramRequest[] = [...PROGRAMS_2016, ...PROGRAMS_2017, ...PROGRAMS_2018.map(program2018)];

/**
 * Illustrative participant records for the 2018 infrastructure seminar for Afghanistan, so that
 * the demo has one program whose participants are recorded one by one (20, as planned).
 */
const AFGHAN_GIVEN = ['Ahmad', 'Farid', 'Mariam', 'Nasrin', 'Habib', 'Zahra', 'Karim', 'Laila', 'Jawad', 'Fatima'];
const AFGHAN_FAMILY = ['Rahimi', 'Noori', 'Sultani', 'Haidari', 'Wardak', 'Popal', 'Amiri', 'Karimi', 'Stanikzai', 'Sadat'];
const FEMALE = new Set(['Mariam', 'Nasrin', 'Zahra', 'Laila', 'Fatima']);

export const DEMO_PARTICIPANTS: { readonly activityIdentifier: string; readonly participants: readonly ParticipantRequest[] } = {
  activityIdentifier: 'ID-KEMLU-2018-06',
  participants: Array.from({ length: 20 }, (_, i) => {
    const given = cycle(AFGHAN_GIVEN, i);
    const family = cycle(AFGHAN_FAMILY, i * 3 + Math.floor(i / 10));
    return {
      fullName: `${given} ${family}`,
      sex: FEMALE.has(given) ? ('F' as const) : ('M' as const),
      country: 'AF',
      organisation: i % 2 === 0 ? 'Ministry of Public Works' : 'Ministry of Urban Development and Land',
      position: i % 4 === 0 ? 'Director' : 'Engineer',
      email: null,
      status: 'completed' as const,
      illustrative: true,
    };
  }),
};

/**
 * Rupiah per US dollar, annual averages (World Bank, indicator PA.NUS.FCRF, "official exchange
 * rate, LCU per US$, period average"), dated 1 January of each year so that every transaction
 * of the year converts at that year's average.
 */
export const DEMO_EXCHANGE_RATES: readonly { currency: string; date: string; unitsPerUsd: number; source: string }[] = [
  { currency: 'IDR', date: '2016-01-01', unitsPerUsd: 13308.33, source: 'World Bank PA.NUS.FCRF, 2016 average' },
  { currency: 'IDR', date: '2017-01-01', unitsPerUsd: 13380.83, source: 'World Bank PA.NUS.FCRF, 2017 average' },
  { currency: 'IDR', date: '2018-01-01', unitsPerUsd: 14236.94, source: 'World Bank PA.NUS.FCRF, 2018 average' },
];
