/**
 * The demo tells the story of 2016–2018 (issue 21): 2017 as DOMAIN.md reports it (about 13
 * programs, about 288 participants), every narrative text in English and Indonesian, unit costs
 * for each year so that the programs without recorded money have an in-kind estimate, and the
 * 2017 follow-ups done in 2017 (fixed clock: 2026-11-28).
 */
import { beforeAll, expect, it } from 'vitest';
import { UNIT_COST_KINDS } from '../../domain/finance/unit-costs.js';
import {
  agreementListQuerySchema,
  engagementListQuerySchema,
  followUpListQuerySchema,
} from '../../domain/partnership/partnership.schema.js';
import { programListQuerySchema } from '../../domain/program/program-query.js';
import { REPORT_REGIONS } from '../../domain/reference/types.js';
import { requestListQuerySchema, requestPatchSchema } from '../../domain/request/request.schema.js';
import { describeEachEngine } from '../../testing/engines.js';
import { listAgreements } from '../agreements.js';
import { listEngagements } from '../engagements.js';
import { listFollowUps, patchFollowUp } from '../follow-ups.js';
import { inKindEstimates, listUnitCosts } from '../money.js';
import { listPrograms } from '../programs.js';
import { declineRequest, editRequest, listRequests } from '../requests.js';
import { loadDemoData } from './load-demo.js';
import { getCompletion, getEvaluation } from '../completion.js';
import { completeRequirements, evaluateRequirements } from '../../domain/program/stage-requirements.js';

describeEachEngine('the demo’s story', (app) => {
  const deps = () => app().deps;
  beforeAll(async () => {
    await loadDemoData(deps());
  });

  it('holds 13 programs with 288 participants in 2017, all illustrative, evaluated and closed', async () => {
    const page = await listPrograms(deps(), programListQuerySchema.parse({ year: 2017, pageSize: 100 }));
    expect(page.total).toBe(13);
    // 18 + 16 + 20 (the triangular programs) + 30 + 20 + 24 + 24 + 30 + 15 + 30 + 6 + 25 + 30 = 288.
    expect(page.items.reduce((sum, p) => sum + (p.participantsPlanned ?? 0), 0)).toBe(288);
    expect(page.items.every((p) => p.illustrative && p.lifecycleStage === 'evaluated' && p.activityStatus === 'closed')).toBe(true);
    // The priorities of the year: Palestine, Africa, the Pacific and Timor-Leste all have programs.
    const recipients = new Set(page.items.flatMap((p) => p.recipients));
    for (const country of ['PS', 'TZ', 'GM', 'FJ', 'PG', 'TL']) expect(recipients.has(country)).toBe(true);
    // 2016 and 2018 are as before.
    expect((await listPrograms(deps(), programListQuerySchema.parse({ year: 2016 }))).total).toBe(6);
    expect((await listPrograms(deps(), programListQuerySchema.parse({ year: 2018 }))).total).toBe(14);
  });

  it('says every title, note, request and follow-up in English and Indonesian', async () => {
    const all = await listPrograms(deps(), programListQuerySchema.parse({ pageSize: 100 }));
    expect(all.total).toBe(35);
    for (const { id } of all.items) {
      const p = await deps().store.repos.programs.findById(id);
      expect([p?.identifier, p?.titleEn && p.titleId ? 'both' : 'one']).toEqual([p?.identifier, 'both']);
      expect([p?.identifier, p?.descriptionEn && p.descriptionId ? 'both' : 'one']).toEqual([p?.identifier, 'both']);
    }
    // The program request of the Mexico visit says where it came from in both languages.
    const mexico = await deps().store.repos.programs.findByIdentifier('ENG-2017-0002-2');
    expect(mexico?.descriptionId).toBe(
      'Tawaran Indonesia pada Kunjungan ke badan kerja sama Meksiko AMEXCID (ENG-2017-0002, 2017-05-28):\n\nKerja sama penanggulangan bencana',
    );
    const requests = await listRequests(deps(), requestListQuerySchema.parse({}));
    expect(requests.total).toBe(4);
    expect(requests.items.every((r) => r.topicId && r.descriptionId && r.topicId !== r.topic)).toBe(true);
    // The notes of the three decided or assessed ones too.
    expect(requests.items.filter((r) => r.assessmentNote).map((r) => r.assessmentNoteId?.startsWith('Ilustratif:'))).toEqual([
      true,
      true,
      true,
    ]);
    const engagements = await listEngagements(deps(), engagementListQuerySchema.parse({}));
    expect(engagements.items.map((e) => [e.reference, Boolean(e.titleId && e.purposeId)])).toEqual([
      ['ENG-2017-0003', true],
      ['ENG-2017-0002', true],
      ['ENG-2017-0001', true],
    ]);
    expect(engagements.items.flatMap((e) => e.items).every((i) => i.descriptionId)).toBe(true);
    const agreements = await listAgreements(deps(), agreementListQuerySchema.parse({}));
    expect(agreements.items.map((g) => Boolean(g.titleId && g.subjectId))).toEqual([true, true]);
    const followUps = await listFollowUps(deps(), followUpListQuerySchema.parse({}));
    // The engagements' five, and the three actions of the demo's evaluations (demo-completion.ts).
    expect(followUps.total).toBe(5 + 3);
    expect(followUps.items.every((f) => f.actionId?.endsWith('(ilustratif)') && f.action.endsWith('(illustrative)'))).toBe(true);
  });

  it('has unit costs for 2016–2018, so every program of those years without money has an in-kind estimate', async () => {
    const costs = await listUnitCosts(deps());
    for (const year of [2016, 2017, 2018]) {
      const ofYear = costs.filter((c) => c.validFrom === `${year}-01-01`);
      expect(ofYear.map((c) => `${c.kind}/${c.region ?? ''}`).sort()).toEqual(
        [...UNIT_COST_KINDS.filter((k) => k !== 'flight').map((k) => `${k}/`), ...REPORT_REGIONS.map((r) => `flight/${r}`)].sort(),
      );
      expect(ofYear.every((c) => c.currency === 'IDR' && c.note?.startsWith('Illustrative'))).toBe(true);
    }
    const report = await inKindEstimates(deps(), { yearFrom: 2016, yearTo: 2018, page: 1, pageSize: 50 });
    // 2016's 6 programs and 2017's 13 have no money recorded; every 2018 program has its expenditure.
    expect([report.programs, report.estimatedPrograms, report.notEstimatedPrograms]).toEqual([19, 19, 0]);
    expect(report.gaps).toEqual([]);
    expect(report.total.usdMinor).toBeGreaterThan(0);
    expect(report.total.missingRates).toEqual([]);
    for (const year of [2016, 2017]) {
      const ofYear = await inKindEstimates(deps(), { year, page: 1, pageSize: 50 });
      expect(ofYear.items.every((e) => e.value !== null && Number.isInteger(e.value.usdMinor) && e.value.usdMinor > 0)).toBe(true);
    }
    // By hand: public finance for Timor-Leste, 15 people × 5 days (14–18 Aug 2017) × IDR 2,300,000
    // + 15 return flights from Asia × IDR 8,000,000 = IDR 292,500,000 = USD 21,859.63 at 13,380.83.
    const timor = report.items.find((e) => e.program.identifier === 'ID-KEMENKEU-2017-01');
    expect([timor?.value?.idrMinor, timor?.value?.usdMinor]).toEqual([29_250_000_000, 2_185_963]);
    // An expert dispatch is priced per expert-day: 6 experts × 12 days (2–13 Oct 2017) × IDR 3,600,000
    // + 6 flights to Asia × IDR 8,000,000 = IDR 307,200,000.
    const experts = report.items.find((e) => e.program.identifier === 'ID-KEMENTAN-2017-02');
    expect(experts?.inputs.role).toBe('expert');
    expect(experts?.value?.idrMinor).toBe(30_720_000_000);
  });

  it('records the 2017 follow-ups as done in 2017, none of them overdue', async () => {
    const engagements = await listEngagements(deps(), engagementListQuerySchema.parse({ from: '2017-01-01', to: '2017-12-31' }));
    const of2017 = engagements.items.flatMap((e) => e.followUps).filter((f) => (f.dueOn ?? '') < '2018-01-01');
    expect(of2017.map((f) => [f.dueOn, f.status, f.doneOn, f.overdue])).toEqual([
      ['2017-12-15', 'done', '2017-12-12', false],
      ['2017-07-31', 'done', '2017-07-27', false],
    ]);
    const overdue = await listFollowUps(deps(), followUpListQuerySchema.parse({ overdue: 'true' }));
    expect(overdue.items.map((f) => [f.owner, f.dueOn])).toEqual([['ID-KEMENKES', '2026-11-18']]);
  });

  it('keeps an Indonesian variant while its text stays, and drops it when the text changes without one', async () => {
    const [fiji] = (await listRequests(deps(), requestListQuerySchema.parse({ country: 'FJ' }))).items;
    if (!fiji) throw new Error('the demo has a Fijian request');
    const relayed = await editRequest(deps(), fiji.id, requestPatchSchema.parse({ periodTo: '2027-03-26' }));
    expect([relayed.topicId, relayed.descriptionId]).toEqual([fiji.topicId, fiji.descriptionId]);
    const corrected = await editRequest(deps(), fiji.id, requestPatchSchema.parse({ topic: 'Training of district officers in CBDRM' }));
    expect([corrected.topic, corrected.topicId, corrected.descriptionId]).toEqual([
      'Training of district officers in CBDRM',
      null,
      fiji.descriptionId,
    ]);
    const both = await editRequest(deps(), fiji.id, requestPatchSchema.parse({ topic: 'CBDRM training', topicId: 'Pelatihan PRBBM' }));
    expect([both.topic, both.topicId]).toEqual(['CBDRM training', 'Pelatihan PRBBM']);
    expect(both.assessmentNoteId).toBe('Ilustratif: BNPB ditanya apakah pelatih tersedia pada Maret 2027.');
    // A new note without its Indonesian variant replaces the old note's.
    const declined = await declineRequest(deps(), fiji.id, { note: 'No trainers in 2027' });
    expect([declined.assessmentNote, declined.assessmentNoteId]).toEqual(['No trainers in 2027', null]);

    const [open] = (await listFollowUps(deps(), followUpListQuerySchema.parse({ overdue: 'true' }))).items;
    if (!open) throw new Error('the demo has an overdue follow-up');
    const done = await patchFollowUp(deps(), open.id, { status: 'done' });
    expect([done.actionId, done.doneOn]).toEqual([open.actionId, '2026-11-28']);
    const reworded = await patchFollowUp(deps(), open.id, { action: 'Agree dates with AMEXCID' });
    expect([reworded.action, reworded.actionId]).toEqual(['Agree dates with AMEXCID', null]);
  });
});

describeEachEngine('the demo’s completions and evaluations (issue 25)', (app) => {
  const deps = () => app().deps;
  beforeAll(async () => {
    await loadDemoData(deps());
  });

  it('records them, illustrative, on three real programs of 2016–2018, their actions done the year after', async () => {
    const found = [];
    for (const identifier of ['ID-KEMLU-2018-01', 'ID-BNPB-2017-01', 'ID-POLRI-2016-01']) {
      const program = await deps().store.repos.programs.findByIdentifier(identifier);
      if (!program) throw new Error(`no demo program ${identifier}`);
      const completion = await getCompletion(deps(), program.id);
      const evaluation = await getEvaluation(deps(), program.id);
      found.push([identifier, completion.record?.illustrative, evaluation.record?.illustrative, evaluation.record?.criteria.length]);
      // An evaluated program's records hold what its stages need.
      expect(completeRequirements({ completion: completion.record })).toEqual([]);
      expect(evaluateRequirements({ evaluation: evaluation.record })).toEqual([]);
      expect(evaluation.followUps.every((f) => f.status === 'done' && f.action.endsWith('(illustrative)'))).toBe(true);
    }
    expect(found).toEqual([
      ['ID-KEMLU-2018-01', true, true, 6],
      ['ID-BNPB-2017-01', true, true, 6],
      ['ID-POLRI-2016-01', true, true, 6],
    ]);
    // The triangular training with JICA: JICA bore 85,000 of 103,000 US dollars.
    const bnpb = await deps().store.repos.programs.findByIdentifier('ID-BNPB-2017-01');
    expect((await getCompletion(deps(), bnpb?.id ?? 0)).totals).toEqual([
      { currency: 'USD', amountMinor: 10_300_000, partnerSharePercent: 82.52 },
    ]);
  });
});
