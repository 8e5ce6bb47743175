/**
 * Partnerships of the demo data set (DOMAIN.md, 2017): the visit to Brazil (24–26 May) to
 * finalise the draft technical cooperation agreement, where Indonesia offered its farmers'
 * agricultural and rural training centres in Tanzania and Gambia for joint programs; the visit to
 * Mexico's AMEXCID (28–30 May), where Mexico offered dengue-prevention cooperation and Indonesia
 * offered disaster management; the visit to France's AFD (late November); and the draft
 * Indonesia–Brazil technical cooperation agreement.
 *
 * What the sources do not give is marked illustrative: AFD's exact day, the follow-ups, the
 * program request that came of Indonesia's offer to Mexico, and the joint training framework with
 * JICA under which the 2017 third-country trainings ran. The follow-ups the story has done are
 * recorded as done on a day of 2017; the open ones and the framework's end of validity follow the
 * clock, so that the home page always has something to act on (one overdue follow-up, one renewal).
 */
import { addDays } from '../../domain/dates.js';
import {
  agreementInputSchema,
  engagementInputSchema,
  type AgreementInput,
  type EngagementInput,
} from '../../domain/partnership/partnership.schema.js';
import { createAgreement, linkAgreementProgram } from '../agreements.js';
import { createEngagement, itemToProgram } from '../engagements.js';
import { patchFollowUp } from '../follow-ups.js';
import type { ServiceDeps } from '../deps.js';

const ILLUSTRATIVE = '(illustrative)';
const ILLUSTRATIF = '(ilustratif)';

/** An engagement, and the days on which the story has its follow-ups done (by their index). */
type DemoEngagement = EngagementInput & { done?: ReadonlyMap<number, string> };

function engagements(today: string): DemoEngagement[] {
  return [
    {
      ...engagementInputSchema.parse({
        kind: 'visit',
        title: 'Visit to Brazil: technical cooperation agreement and joint programs',
        titleId: 'Kunjungan ke Brasil: perjanjian kerja sama teknik dan program bersama',
        startsOn: '2017-05-24',
        endsOn: '2017-05-26',
        country: 'BR',
        partnerOrg: 'ABC',
        counterpart: 'Brazilian Cooperation Agency (ABC)',
        purpose: 'Finalise the draft technical cooperation agreement between Indonesia and Brazil, and propose joint programs.',
        purposeId: 'Memfinalkan rancangan perjanjian kerja sama teknik antara Indonesia dan Brasil, serta mengusulkan program bersama.',
        ownerOrg: 'ID-KEMLU',
        items: [
          {
            side: 'ours',
            kind: 'offer',
            description: "Indonesia's farmers' agricultural and rural training centre in Tanzania, for joint programs with Brazil",
            descriptionId:
              'Pusat pelatihan pertanian dan perdesaan swadaya petani Indonesia di Tanzania, untuk program bersama dengan Brasil',
            flagshipArea: 'DEV-AGR',
            country: 'TZ',
          },
          {
            side: 'ours',
            kind: 'offer',
            description: "Indonesia's farmers' agricultural and rural training centre in Gambia, for joint programs with Brazil",
            descriptionId:
              'Pusat pelatihan pertanian dan perdesaan swadaya petani Indonesia di Gambia, untuk program bersama dengan Brasil',
            flagshipArea: 'DEV-AGR',
            country: 'GM',
          },
        ],
        followUps: [
          {
            action: `Send Indonesia's comments on the draft technical cooperation agreement to ABC ${ILLUSTRATIVE}`,
            actionId: `Kirim tanggapan Indonesia atas rancangan perjanjian kerja sama teknik kepada ABC ${ILLUSTRATIF}`,
            owner: 'ID-KEMLU',
            dueOn: '2017-07-31',
          },
          {
            // The agreement is still a draft, so the first joint program is still to be agreed.
            action: `Agree with ABC on a first joint program at the training centre in Tanzania ${ILLUSTRATIVE}`,
            actionId: `Sepakati dengan ABC program bersama pertama di pusat pelatihan di Tanzania ${ILLUSTRATIF}`,
            owner: 'ID-KEMLU',
            dueOn: addDays(today, 45),
          },
        ],
      }),
      done: new Map([[0, '2017-07-27']]),
    },
    engagementInputSchema.parse({
      kind: 'visit',
      title: "Visit to Mexico's cooperation agency AMEXCID",
      titleId: 'Kunjungan ke badan kerja sama Meksiko AMEXCID',
      startsOn: '2017-05-28',
      endsOn: '2017-05-30',
      country: 'MX',
      partnerOrg: 'AMEXCID',
      counterpart: 'Mexican Agency for International Development Cooperation (AMEXCID)',
      purpose: 'Explore cooperation between Indonesia and Mexico, bilateral and triangular.',
      purposeId: 'Menjajaki kerja sama bilateral dan triangular antara Indonesia dan Meksiko.',
      ownerOrg: 'ID-KEMLU',
      items: [
        {
          side: 'theirs',
          kind: 'offer',
          description: 'Cooperation on dengue prevention',
          descriptionId: 'Kerja sama pencegahan demam berdarah dengue',
          flagshipArea: 'OTHER',
        },
        {
          side: 'ours',
          kind: 'offer',
          description: 'Cooperation on disaster management',
          descriptionId: 'Kerja sama penanggulangan bencana',
          flagshipArea: 'DEV-DRM',
          country: 'MX',
        },
      ],
      followUps: [
        {
          // The one follow-up the story leaves overdue: the home page has something to act on.
          action: `Propose dates for an exchange of dengue-prevention experts with AMEXCID ${ILLUSTRATIVE}`,
          actionId: `Usulkan tanggal pertukaran tenaga ahli pencegahan demam berdarah dengan AMEXCID ${ILLUSTRATIF}`,
          owner: 'ID-KEMENKES',
          dueOn: addDays(today, -10),
        },
        {
          action: `Send BNPB's training outline on disaster management to AMEXCID ${ILLUSTRATIVE}`,
          actionId: `Kirim kerangka pelatihan penanggulangan bencana BNPB kepada AMEXCID ${ILLUSTRATIF}`,
          owner: 'ID-BNPB',
          dueOn: addDays(today, 30),
        },
      ],
    }),
    {
      ...engagementInputSchema.parse({
        kind: 'visit',
        title: 'Visit to the French Development Agency (AFD)',
        titleId: 'Kunjungan ke Badan Pembangunan Prancis (AFD)',
        startsOn: '2017-11-27',
        country: 'FR',
        partnerOrg: 'AFD',
        counterpart: 'French Development Agency (AFD)',
        purpose: 'Triangular cooperation with France. The sources say "late November"; the day is illustrative.',
        purposeId: 'Kerja sama triangular dengan Prancis. Sumber menyebut "akhir November"; tanggalnya ilustratif.',
        ownerOrg: 'ID-KEMLU',
        illustrative: true,
        followUps: [
          {
            action: `Share the list of triangular programs AFD could co-finance ${ILLUSTRATIVE}`,
            actionId: `Bagikan daftar program triangular yang dapat dibiayai bersama oleh AFD ${ILLUSTRATIF}`,
            owner: 'ID-KEMLU',
            dueOn: '2017-12-15',
          },
        ],
      }),
      done: new Map([[0, '2017-12-12']]),
    },
  ];
}

function agreements(today: string): { input: AgreementInput; programs: readonly string[] }[] {
  return [
    {
      input: agreementInputSchema.parse({
        kind: 'technical_cooperation',
        titleEn: 'Technical cooperation agreement between Indonesia and Brazil',
        titleId: 'Perjanjian kerja sama teknik antara Indonesia dan Brasil',
        subject:
          'Technical cooperation, including joint programs for third countries at Indonesia’s farmers’ agricultural and rural training centres in Tanzania and Gambia. Draft under finalisation (visit of 24–26 May 2017).',
        subjectId:
          'Kerja sama teknik, termasuk program bersama bagi negara ketiga di pusat pelatihan pertanian dan perdesaan swadaya petani Indonesia di Tanzania dan Gambia. Rancangan sedang difinalkan (kunjungan 24–26 Mei 2017).',
        status: 'draft',
        ownerOrg: 'ID-KEMLU',
        parties: [{ country: 'BR' }, { org: 'ABC' }],
        areas: ['DEV-AGR'],
      }),
      programs: [],
    },
    {
      input: agreementInputSchema.parse({
        kind: 'joint_framework',
        titleEn: 'Joint framework for third-country training programs with JICA',
        titleId: 'Kerangka kerja bersama pelatihan negara ketiga dengan JICA',
        subject:
          'Illustrative: the sources report triangular cooperation with Japan in 2017 but not its framework; its dates are made up, its end follows the clock so that a renewal is due.',
        subjectId:
          'Ilustratif: sumber melaporkan kerja sama triangular dengan Jepang pada 2017 tetapi tidak kerangkanya; tanggalnya dibuat-buat, akhir masa berlakunya mengikuti waktu sekarang agar pembaruan jatuh tempo.',
        status: 'in_force',
        signedOn: '2015-03-20',
        validFrom: '2015-04-01',
        validUntil: addDays(today, 75),
        ownerOrg: 'ID-BNPB',
        parties: [{ org: 'JICA' }],
        areas: ['DEV-DRM', 'DEV-AGR'],
        illustrative: true,
      }),
      programs: ['ID-BNPB-2017-01', 'ID-KKP-2017-01'],
    },
  ];
}

/** Records the demo's engagements and agreements (the demo organisations and programs must be loaded). */
export async function loadDemoPartnerships(deps: ServiceDeps): Promise<{ engagements: number; agreements: number; programs: number }> {
  const today = deps.clock.nowIso().slice(0, 10);
  let programs = 0;
  for (const input of engagements(today)) {
    const { done, ...data } = input;
    const e = await createEngagement(deps, data);
    for (const [i, day] of done ?? []) {
      const followUp = e.followUps[i];
      if (!followUp) throw new Error(`the demo engagement ${e.reference} has no follow-up ${i}`);
      // Done on the day the story has it done (its done day and audit entry are of that day).
      await patchFollowUp({ ...deps, clock: { nowIso: () => `${day}T09:00:00.000Z` } }, followUp.id, { status: 'done' });
    }
    if (done?.size) await deps.store.transaction((repos) => repos.engagements.touch(e.id, deps.clock.nowIso()));
    // What came of the Mexico visit: Indonesia's disaster-management offer became a program request.
    const offer = e.items.find((i) => i.side === 'ours' && i.flagshipArea === 'DEV-DRM' && i.country === 'MX');
    if (offer) {
      await itemToProgram(deps, offer.id, {
        implementingOrg: 'ID-BNPB',
        titleEn: 'Training on disaster management for Mexico',
        titleId: 'Pelatihan penanggulangan bencana untuk Meksiko',
        illustrative: true,
      });
      programs++;
    }
  }
  const list = agreements(today);
  for (const { input, programs: linked } of list) {
    const a = await createAgreement(deps, input);
    for (const identifier of linked) await linkAgreementProgram(deps, a.id, identifier);
  }
  return { engagements: 3, agreements: list.length, programs };
}
