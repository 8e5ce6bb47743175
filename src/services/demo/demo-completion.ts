/**
 * Completion and evaluation records of the demo (issue 25) on three real programs that the
 * sources report as held: the 2018 microfinance seminar for Palestine in Amman (25–29 March), the
 * 2017 third-country training on disaster risk management with JICA, and the 2016 seminar on
 * cybercrime and digital forensics for Palestinian police officers. The dates are the programs'
 * own; the costs, reports, ratings, findings and responses are not in the sources, so every record
 * is marked illustrative, and the management response's actions (follow-ups) end in
 * "(illustrative)" as the demo's other follow-ups do. The actions are recorded as done on a day of
 * the year after the program.
 */
import { completionInput } from '../../domain/program/completion.js';
import { dacCriteria, evaluationInput, type DacCriterion } from '../../domain/program/evaluation.js';
import { saveCompletion, saveEvaluation } from '../completion.js';
import type { ServiceDeps } from '../deps.js';
import { patchFollowUp } from '../follow-ups.js';
import { demoProgram } from './demo-requests.js';

type Rating = 'highly_satisfactory' | 'satisfactory' | 'partly_unsatisfactory' | 'unsatisfactory' | 'not_assessed';

interface DemoRecords {
  readonly identifier: string;
  readonly completion: Record<string, unknown> & { readonly costs: readonly unknown[] };
  readonly evaluatedOn: string;
  readonly evaluatorOrg: string;
  readonly evaluatorKind: 'internal' | 'external' | 'joint';
  readonly ratings: Readonly<Record<DacCriterion, readonly [Rating, string]>>;
  readonly findings: readonly string[];
  readonly recommendations: readonly {
    readonly text: string;
    readonly response: 'accepted' | 'partly_accepted' | 'not_accepted';
    readonly responseReason?: string;
    readonly actions: readonly {
      readonly action: string;
      readonly actionId: string;
      readonly owner: string;
      readonly dueOn: string;
      readonly doneOn: string;
    }[];
  }[];
}

const REPORT_NOTE = 'Illustrative report (the sources give none).';

export const DEMO_COMPLETIONS: readonly DemoRecords[] = [
  {
    identifier: 'ID-KEMLU-2018-01',
    completion: {
      actualStart: '2018-03-25',
      actualEnd: '2018-03-29',
      costs: [
        { line: 'travel', amount: '180000000', currency: 'IDR', bearer: 'provider', note: 'Jakarta–Amman for speakers and staff' },
        { line: 'accommodation', amount: '135000000', currency: 'IDR', bearer: 'provider' },
        { line: 'per_diem', amount: '67500000', currency: 'IDR', bearer: 'provider' },
        { line: 'venue', amount: '45000000', currency: 'IDR', bearer: 'provider' },
      ],
      reportEn: `The seminar was held in Amman as planned; 30 Palestinian officials of microfinance institutions took part. ${REPORT_NOTE}`,
      reportId:
        'Seminar terlaksana di Amman sesuai rencana; 30 pejabat lembaga keuangan mikro Palestina berpartisipasi. Laporan ilustratif (sumber tidak memuatnya).',
    },
    evaluatedOn: '2018-11-15',
    evaluatorOrg: 'Directorate of Technical Cooperation, Ministry of Foreign Affairs',
    evaluatorKind: 'internal',
    ratings: {
      relevance: ['highly_satisfactory', 'Requested by the Palestinian side; microfinance is one of its priorities (illustrative).'],
      coherence: ['satisfactory', 'Complements the SME seminar for Palestine and Jordan later in 2018 (illustrative).'],
      effectiveness: ['satisfactory', 'Most participants passed the end-of-seminar test (illustrative).'],
      efficiency: ['partly_unsatisfactory', 'Holding it in Amman raised travel costs for the Indonesian speakers (illustrative).'],
      impact: ['not_assessed', 'Too early to observe changes in the institutions (illustrative).'],
      sustainability: ['satisfactory', 'Participants set up an alumni network (illustrative).'],
    },
    findings: ['Participants valued the Indonesian cooperative-based microfinance cases most (illustrative).'],
    recommendations: [
      {
        text: 'Follow up with a study visit to Indonesian microfinance institutions (illustrative).',
        response: 'accepted',
        actions: [
          {
            action: 'Propose a study visit in the 2019 plan (illustrative)',
            actionId: 'Usulkan kunjungan belajar dalam rencana 2019 (ilustratif)',
            owner: 'ID-KEMLU',
            dueOn: '2019-01-31',
            doneOn: '2019-01-20',
          },
        ],
      },
    ],
  },
  {
    identifier: 'ID-BNPB-2017-01',
    completion: {
      actualStart: '2017-10-09',
      actualEnd: '2017-10-27',
      costs: [
        { line: 'travel', amount: '40000', currency: 'USD', bearer: 'partner', partnerOrg: 'JICA' },
        { line: 'accommodation', amount: '45000', currency: 'USD', bearer: 'partner', partnerOrg: 'JICA' },
        { line: 'experts', amount: '12000', currency: 'USD', bearer: 'provider' },
        { line: 'training_materials', amount: '6000', currency: 'USD', bearer: 'provider' },
      ],
      reportEn: `Eighteen disaster-management officers of six Pacific countries completed the three-week course. ${REPORT_NOTE}`,
      reportId:
        'Delapan belas petugas penanggulangan bencana dari enam negara Pasifik menyelesaikan pelatihan tiga minggu. Laporan ilustratif (sumber tidak memuatnya).',
    },
    evaluatedOn: '2018-03-20',
    evaluatorOrg: 'BNPB and JICA Indonesia Office',
    evaluatorKind: 'joint',
    ratings: {
      relevance: ['highly_satisfactory', 'Pacific countries face frequent cyclones and earthquakes (illustrative).'],
      coherence: ['highly_satisfactory', 'Fits the JICA–Indonesia joint training framework (illustrative).'],
      effectiveness: ['satisfactory', 'Action plans drafted by every country team (illustrative).'],
      efficiency: ['satisfactory', 'Costs shared with JICA as agreed (illustrative).'],
      impact: ['satisfactory', 'Two countries ran community drills based on the course (illustrative).'],
      sustainability: ['partly_unsatisfactory', 'Few trainers to pass the course on at home (illustrative).'],
    },
    findings: [
      'Community-based drills were the part most used back home (illustrative).',
      'Trainers of trainers are missing (illustrative).',
    ],
    recommendations: [
      {
        text: 'Add a training-of-trainers module (illustrative).',
        response: 'accepted',
        actions: [
          {
            action: 'Add a training-of-trainers module to the 2018 course (illustrative)',
            actionId: 'Tambahkan modul pelatihan untuk pelatih pada kursus 2018 (ilustratif)',
            owner: 'ID-BNPB',
            dueOn: '2018-06-30',
            doneOn: '2018-06-15',
          },
        ],
      },
      {
        text: 'Hold the course in a Pacific country (illustrative).',
        response: 'not_accepted',
        responseReason: 'Indonesia’s disaster agencies and sites are the course’s material (illustrative).',
        actions: [],
      },
    ],
  },
  {
    identifier: 'ID-POLRI-2016-01',
    completion: {
      costs: [],
      noCost: false,
      reportEn: `The seminar took place as reported in the ministry's 2016 flagship programs. ${REPORT_NOTE}`,
    },
    evaluatedOn: '2017-02-10',
    evaluatorOrg: 'Indonesian National Police, international cooperation division',
    evaluatorKind: 'internal',
    ratings: {
      relevance: ['highly_satisfactory', 'Requested by the Palestinian police (illustrative).'],
      coherence: ['satisfactory', 'Part of the support to Palestine (illustrative).'],
      effectiveness: ['satisfactory', 'Participants used the forensic tools shown (illustrative).'],
      efficiency: ['satisfactory', 'Held in the police’s own facilities (illustrative).'],
      impact: ['not_assessed', 'No follow-up survey was made (illustrative).'],
      sustainability: ['partly_unsatisfactory', 'The software licences shown expire (illustrative).'],
    },
    findings: ['Hands-on sessions with forensic software were the most valued (illustrative).'],
    recommendations: [
      {
        text: 'Offer open-source forensic tools in later courses (illustrative).',
        response: 'partly_accepted',
        responseReason: 'Commercial tools stay where partners use them (illustrative).',
        actions: [
          {
            action: 'Add an open-source tools session (illustrative)',
            actionId: 'Tambahkan sesi perangkat sumber terbuka (ilustratif)',
            owner: 'ID-POLRI',
            dueOn: '2017-09-30',
            doneOn: '2017-09-01',
          },
        ],
      },
    ],
  },
];

/** The 2016 seminar's actual dates are those of the demo program (the sources give none: illustrative). */
function completionOf(r: DemoRecords, program: { actualStart: string | null; actualEnd: string | null }): Record<string, unknown> {
  const costs = r.completion.costs;
  return {
    actualStart: program.actualStart,
    actualEnd: program.actualEnd,
    ...r.completion,
    ...(costs.length
      ? {}
      : { costs: [{ line: 'other', amount: '120000000', currency: 'IDR', bearer: 'provider', note: 'Whole seminar' }] }),
    illustrative: true,
  };
}

export async function loadDemoCompletions(deps: ServiceDeps, ids: ReadonlyMap<string, number>): Promise<number> {
  for (const r of DEMO_COMPLETIONS) {
    const id = demoProgram(ids, r.identifier);
    const program = await deps.store.repos.programs.findById(id);
    if (!program) throw new Error(`the demo has no program ${r.identifier}`);
    await saveCompletion(deps, id, completionInput.parse(completionOf(r, program)));
    const view = await saveEvaluation(
      deps,
      id,
      evaluationInput.parse({
        evaluatorName: null,
        evaluatorOrg: r.evaluatorOrg,
        evaluatorKind: r.evaluatorKind,
        evaluatedOn: r.evaluatedOn,
        criteria: dacCriteria.codes.map((criterion) => {
          const [rating, reason] = r.ratings[criterion];
          return rating === 'not_assessed' ? { criterion, notAssessed: true, reason } : { criterion, rating, reason };
        }),
        findings: [...r.findings],
        recommendations: r.recommendations.map((x) => ({
          text: x.text,
          response: x.response,
          responseReason: x.responseReason ?? null,
          actions: x.actions.map(({ doneOn: _d, ...a }) => a),
        })),
        illustrative: true,
      }),
    );
    // Done on the day the story has it done (its done day and audit entry are of that day).
    const doneOn = new Map(r.recommendations.flatMap((x) => x.actions.map((a) => [a.action, a.doneOn] as const)));
    for (const followUp of view.followUps) {
      const day = doneOn.get(followUp.action);
      if (day) await patchFollowUp({ ...deps, clock: { nowIso: () => `${day}T09:00:00.000Z` } }, followUp.id, { status: 'done' });
    }
  }
  return DEMO_COMPLETIONS.length;
}
