/**
 * Partner governments' requests of the demo data set. The sources give no request's wording or
 * date, so all four are illustrative (their descriptions say so): a Fijian request on disaster
 * risk management relayed by the embassy in Suva and under assessment, a Timorese request for
 * agricultural extension experts just registered, the Palestinian request behind the 2018
 * microfinance seminar (accepted, linked to that program), and a declined scholarship request.
 */
import { diffRecords } from '../../domain/audit.js';
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { plainRequest, type CooperationRequest } from '../../domain/request/request.js';
import { requestInputSchema, type RequestInputRequest } from '../../domain/request/request.schema.js';
import { audit } from '../audit.js';
import { createOrganisation } from '../organisations.js';
import type { Deps } from '../deps.js';
import type { ProgramRepo } from '../programs.js';
import { readBack } from '../read-back.js';
import { assessRequest, declineRequest, registerRequest } from '../requests.js';

/** What the demo requests go through: registering, assessing and declining (which may register a program). */
type DemoRequestDeps = Deps<'requests' | ProgramRepo>;
import { DEMO_EMBASSY } from './demo-accounts.js';

const ILLUSTRATIVE = 'Illustrative request (demo): the sources give no detail of partner governments’ requests.';
const ILLUSTRATIVE_ID = 'Permintaan ilustratif (demo): sumber tidak memberikan rincian permintaan pemerintah mitra.';

interface DemoRequest {
  readonly input: RequestInputRequest;
  readonly outcome:
    | { readonly status: 'registered' }
    | { readonly status: 'assessment'; readonly note: string; readonly noteId: string }
    | { readonly status: 'declined'; readonly note: string; readonly noteId: string }
    | { readonly status: 'accepted'; readonly note: string; readonly noteId: string; readonly program: string };
}

export const DEMO_REQUESTS: readonly DemoRequest[] = [
  {
    input: {
      country: 'FJ',
      topic: 'Training of divisional and district officers in community-based disaster risk management',
      topicId: 'Pelatihan manajemen risiko bencana berbasis masyarakat bagi pejabat divisi dan distrik',
      description: `${ILLUSTRATIVE} Fiji's disaster management office asks for a course of two to three weeks for its divisional and district officers, building on the 2017 third-country training and the 2018 Banda Aceh seminar.`,
      descriptionId: `${ILLUSTRATIVE_ID} Kantor penanggulangan bencana Fiji meminta pelatihan dua sampai tiga minggu bagi pejabat divisi dan distriknya, melanjutkan pelatihan negara ketiga tahun 2017 dan seminar Banda Aceh tahun 2018.`,
      flagshipArea: 'DEV-DRM',
      sectorCode: '43060',
      modality: 'training',
      periodFrom: '2027-03-01',
      periodTo: '2027-03-19',
      receivedOn: '2026-02-16',
      relayedBy: DEMO_EMBASSY.code,
    },
    outcome: {
      status: 'assessment',
      note: 'Illustrative: BNPB asked whether trainers are available in March 2027.',
      noteId: 'Ilustratif: BNPB ditanya apakah pelatih tersedia pada Maret 2027.',
    },
  },
  {
    input: {
      country: 'TL',
      topic: 'Dispatch of agricultural extension experts for rice and horticulture',
      topicId: 'Pengiriman tenaga ahli penyuluhan pertanian untuk padi dan hortikultura',
      description: `${ILLUSTRATIVE} Timor-Leste's agriculture ministry asks for experts to advise extension workers in two municipalities for about two months.`,
      descriptionId: `${ILLUSTRATIVE_ID} Kementerian pertanian Timor-Leste meminta tenaga ahli untuk mendampingi penyuluh di dua munisipalitas selama sekitar dua bulan.`,
      flagshipArea: 'DEV-AGR',
      sectorCode: '31166',
      modality: 'expert_dispatch',
      periodFrom: '2027-05-03',
      periodTo: '2027-06-25',
      receivedOn: '2026-04-08',
    },
    outcome: { status: 'registered' },
  },
  {
    input: {
      country: 'PS',
      topic: 'Seminar on microfinance for Palestinian institutions',
      topicId: 'Seminar keuangan mikro bagi lembaga-lembaga Palestina',
      description: `${ILLUSTRATIVE} The request behind the 2018 international seminar on microfinance for Palestine in Amman; its wording and date are not in the sources.`,
      descriptionId: `${ILLUSTRATIVE_ID} Permintaan di balik seminar internasional keuangan mikro untuk Palestina di Amman tahun 2018; kata-kata dan tanggalnya tidak ada dalam sumber.`,
      flagshipArea: 'ECO-MICRO',
      sectorCode: '24040',
      modality: 'seminar',
      periodFrom: '2018-03-01',
      periodTo: '2018-04-30',
      receivedOn: '2017-11-20',
    },
    outcome: {
      status: 'accepted',
      note: 'Illustrative: held as the international seminar on microfinance for Palestine (Amman, March 2018).',
      noteId: 'Ilustratif: dilaksanakan sebagai seminar internasional keuangan mikro untuk Palestina (Amman, Maret 2018).',
      program: 'ID-KEMLU-2018-01',
    },
  },
  {
    input: {
      country: 'JM',
      topic: 'Scholarships for master’s studies in marine engineering',
      topicId: 'Beasiswa program magister teknik kelautan',
      description: `${ILLUSTRATIVE} Jamaica asks for five scholarships at Indonesian universities.`,
      descriptionId: `${ILLUSTRATIVE_ID} Jamaika meminta lima beasiswa di perguruan tinggi Indonesia.`,
      flagshipArea: 'OTHER',
      sectorCode: '11420',
      modality: 'scholarship',
      receivedOn: '2026-06-10',
    },
    outcome: {
      status: 'declined',
      note: 'Illustrative: scholarships are outside this year’s flagship programs; referred to the scholarship scheme of the Ministry of Education.',
      noteId: 'Ilustratif: beasiswa berada di luar program unggulan tahun ini; dirujuk ke skema beasiswa Kementerian Pendidikan.',
    },
  },
];

/**
 * Links an accepted request to a program that already exists (the demo's 2018 seminar). Users
 * accept through acceptRequest, which creates the program; history is only entered this way.
 */
async function linkAccepted(
  deps: Deps<'requests' | 'audit'>,
  request: CooperationRequest,
  activityId: number,
  note: { readonly note: string; readonly noteId: string },
): Promise<void> {
  await deps.store.transaction(async (repos) => {
    await repos.requests.update(
      request.id,
      request.version,
      { status: 'accepted', assessmentNote: note.note, assessmentNoteId: note.noteId, activityId },
      deps.clock.nowIso(),
    );
    const after = readBack(await repos.requests.findById(request.id), `request ${request.id}`);
    await audit(deps, repos, {
      action: 'transition',
      entity: 'cooperation_request',
      entityId: request.id,
      entityLabel: request.reference,
      entityVersion: after.version,
      changes: diffRecords(plainRequest(request), plainRequest(after)),
      comment: note.note,
    });
  });
}

/** The id of a demo program (loaded before the requests). */
export function demoProgram(programIds: ReadonlyMap<string, number>, identifier: string): number {
  const id = programIds.get(identifier);
  if (id === undefined) throw new Error(`the demo program ${identifier} is not loaded`);
  return id;
}

/** Registers the demo requests (the demo programs must be loaded: `programIds` by identifier). */
export async function loadDemoRequests(deps: DemoRequestDeps, programIds: ReadonlyMap<string, number>): Promise<number> {
  if (!(await deps.store.repos.organisations.findByCode(DEMO_EMBASSY.code)))
    await createOrganisation(deps, organisationInputSchema.parse(DEMO_EMBASSY));
  for (const { input, outcome } of DEMO_REQUESTS) {
    const registered = await registerRequest(deps, requestInputSchema.parse(input));
    if (outcome.status === 'registered') continue;
    if (outcome.status === 'declined') {
      await declineRequest(deps, registered.id, { note: outcome.note, noteId: outcome.noteId });
      continue;
    }
    const assessed = await assessRequest(
      deps,
      registered.id,
      outcome.status === 'assessment' ? { note: outcome.note, noteId: outcome.noteId } : { note: null },
    );
    if (outcome.status === 'accepted') await linkAccepted(deps, assessed, demoProgram(programIds, outcome.program), outcome);
  }
  return DEMO_REQUESTS.length;
}
