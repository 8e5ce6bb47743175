/** The triangular programs of 2017 in the demo data set, all illustrative (DOMAIN.md). */
import type { ProgramRequest } from '../../domain/program/program.schema.js';

/**
 * 2017: triangular cooperation with Japan, Brazil, Mexico, France and the United States
 * (DOMAIN.md). The programs below are illustrative examples of that cooperation.
 */
export const DEMO_PROGRAMS_2017: readonly ProgramRequest[] = (
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
  lifecycleStage: 'evaluated' as const,
  actualStart: p.plannedStart,
  actualEnd: p.plannedEnd,
  venueCountry: 'ID',
  illustrative: true,
}));
