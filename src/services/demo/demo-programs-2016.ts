/**
 * The flagship programs of 2016 in the demo data set (DOMAIN.md): titles and the Boot Camp's 27
 * participants as the sources give them, the rest illustrative.
 */
import type { ProgramRequest } from '../../domain/program/program.schema.js';

/** DOMAIN.md, "Earlier flagship programs (2016)". Only titles (and one count) are sourced. */
export const DEMO_PROGRAMS_2016: readonly ProgramRequest[] = (
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
  descriptionId:
    'Program unggulan tahun 2016. Nilai ilustratif: tanggal, pelaksana, negara penerima (untuk program multinegara) dan jumlah peserta tidak diberikan oleh sumber.',
  cooperationType: (p.recipients?.length ?? 0) > 1 ? ('regional' as const) : ('bilateral' as const),
  activityStatus: 'closed' as const,
  lifecycleStage: 'evaluated' as const,
  actualStart: p.plannedStart,
  actualEnd: p.plannedEnd,
  venueCountry: 'ID',
  fundingSource: 'apbn' as const,
  illustrative: true,
}));
