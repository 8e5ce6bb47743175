/**
 * The participant journey in the demo data set: next season's international training on
 * community-based disaster risk management for Pacific countries (the course BNPB and JICA ran
 * in 2017, DOMAIN.md), open for nominations in the public catalogue, with candidates nominated
 * by the embassy in Suva and by Fiji's foreign ministry. The sources give no future course, so
 * the program, its dates and the candidates are illustrative; the dates follow the clock so that
 * the demo always has an open offer: the course starts about four months after the demo is
 * loaded and nominations close five weeks before it starts.
 */
import { programInputSchema } from '../../domain/program/program.schema.js';
import { offerInputSchema } from '../../domain/offer/offer.js';
import { nominationInputSchema } from '../../domain/offer/nomination.js';
import { nominate, type NominationRepo } from '../nominations.js';
import { saveOffer } from '../offers.js';
import { createProgram, type ProgramRepo } from '../programs.js';
import type { Deps } from '../deps.js';
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { createOrganisation } from '../organisations.js';
import { DEMO_EMBASSY, DEMO_FOCAL_POINT } from './demo-accounts.js';

const DAY = 86_400_000;

/** The Monday at least `days` days after `now` (UTC date, YYYY-MM-DD). */
export function mondayAfter(now: string, days: number): string {
  const d = new Date(Date.parse(now.slice(0, 10)) + days * DAY);
  while (d.getUTCDay() !== 1) d.setTime(d.getTime() + DAY);
  return d.toISOString().slice(0, 10);
}

const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

const CANDIDATES = [
  {
    fullName: 'Litia Vakacegu',
    sex: 'F',
    country: 'FJ',
    organisation: 'National Disaster Management Office, Fiji',
    position: 'Divisional Disaster Officer (Western)',
    by: DEMO_EMBASSY.code,
  },
  {
    fullName: 'Josaia Tuilau',
    sex: 'M',
    country: 'FJ',
    organisation: 'National Disaster Management Office, Fiji',
    position: 'District Officer, Ba',
    by: DEMO_EMBASSY.code,
  },
  {
    fullName: 'Mere Nasilasila',
    sex: 'F',
    country: 'FJ',
    organisation: 'Ministry of Rural and Maritime Development, Fiji',
    position: 'Senior Assistant Secretary',
    by: DEMO_FOCAL_POINT.code,
  },
  {
    fullName: 'Sione Fifita',
    sex: 'M',
    country: 'TO',
    organisation: 'National Emergency Management Office, Tonga',
    position: 'Emergency Operations Officer',
    by: DEMO_EMBASSY.code,
  },
  {
    fullName: 'Ana Taufa',
    sex: 'F',
    country: 'TO',
    organisation: 'Ministry of Internal Affairs, Tonga',
    position: 'Community Development Officer',
    by: DEMO_EMBASSY.code,
  },
] as const;

/** Creates the open course offer and its candidates; returns the program's id. */
export async function loadDemoJourney(deps: Deps<ProgramRepo | NominationRepo>): Promise<number> {
  for (const org of [DEMO_EMBASSY, DEMO_FOCAL_POINT]) {
    if (!(await deps.store.repos.organisations.findByCode(org.code))) await createOrganisation(deps, organisationInputSchema.parse(org));
  }
  const start = mondayAfter(deps.clock.nowIso(), 120);
  const end = addDays(start, 11);
  const year = start.slice(0, 4);
  const program = await createProgram(
    deps,
    programInputSchema.parse({
      identifier: `ID-BNPB-${year}-DEMO`,
      titleEn: `International training on community-based disaster risk management for Pacific countries, ${year}`,
      titleId: `Pelatihan internasional tentang manajemen risiko bencana berbasis masyarakat bagi negara-negara Pasifik, ${year}`,
      descriptionEn:
        'Illustrative (demo): a new round, by BNPB alone, of the 2017 course of BNPB and JICA, open for nominations in the course catalogue.',
      descriptionId:
        'Ilustratif (demo): putaran baru pelatihan BNPB dan JICA tahun 2017, kini oleh BNPB sendiri, terbuka untuk nominasi di katalog pelatihan.',
      modality: 'training',
      flagshipArea: 'DEV-DRM',
      implementingOrg: 'ID-BNPB',
      recipients: ['FJ', 'SB', 'VU', 'PG', 'TO', 'WS'].map((country) => ({ country })),
      partners: [{ org: 'ID-BNPB', iatiRole: 4, sscRole: 'first_provider' }],
      plannedStart: start,
      plannedEnd: end,
      venueCity: 'Sentul, Bogor',
      participantsPlanned: 18,
      sdgs: ['11.5', '13.1'],
      fundingSource: 'apbn',
      lifecycleStage: 'approved',
      activityStatus: '1',
      illustrative: true,
    }),
    { source: 'demo' },
  );
  const offer = await saveOffer(
    deps,
    program.id,
    offerInputSchema.parse({
      summaryEn:
        'Two weeks at the Indonesia Disaster Management Training Center: hazard mapping with communities, village contingency plans, early warning and evacuation drills, and a field visit to a disaster-resilient village. Illustrative (demo).',
      summaryId:
        'Dua minggu di Pusat Pendidikan dan Pelatihan Penanggulangan Bencana: pemetaan bahaya bersama masyarakat, rencana kontinjensi desa, peringatan dini dan latihan evakuasi, serta kunjungan ke desa tangguh bencana. Ilustratif (demo).',
      eligibilityEn:
        'Officers of national or provincial disaster management offices, or of ministries working with communities on disaster risk, with at least three years in the field and a working knowledge of English.',
      eligibilityId:
        'Pejabat kantor penanggulangan bencana nasional atau provinsi, atau kementerian yang bekerja bersama masyarakat dalam pengurangan risiko bencana, berpengalaman sekurang-kurangnya tiga tahun dan menguasai bahasa Inggris.',
      deadline: `${addDays(start, -35)}T23:59:59+07:00`,
      quotaDefault: 3,
      quotaTotal: 18,
      quotas: [{ country: 'PG', quota: 4 }],
      completionPercent: 80,
      status: 'open',
    }),
  );
  for (const c of CANDIDATES) {
    const email = `${c.fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@${c.country.toLowerCase()}.mitra.demo`;
    const { participant } = await nominate(
      deps,
      offer.id,
      nominationInputSchema.parse({
        fullName: c.fullName,
        sex: c.sex,
        country: c.country,
        organisation: c.organisation,
        position: c.position,
        email,
        onBehalfOf: c.by,
        consent: true,
      }),
      [],
      0,
    );
    // The candidates are invented: marked illustrative like every demo value without a source.
    await deps.store.transaction((repos) => repos.participants.markIllustrative([participant.id]));
  }
  return program.id;
}
