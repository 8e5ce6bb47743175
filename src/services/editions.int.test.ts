import { expect, it } from 'vitest';
import { ANONYMOUS } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { actors } from '../testing/fakes/store.js';
import { searchAudit } from './audit.js';
import { actingAs } from './deps.js';
import { closeRound, openRound } from './rounds.js';
import {
  differencesFromLive,
  editionFigures,
  editionRecords,
  editionRounds,
  freezeEdition,
  getEdition,
  listEditions,
  publishEdition,
  setNarrative,
} from './editions.js';
import { createProgram, deleteProgram, patchProgram } from './programs.js';
import { annualSummary } from './reports.js';

describeEachEngine('frozen editions', (app) => {
  const deps = () => app().deps;
  const create = (year: number, overrides = {}) =>
    createProgram(deps(), programInputSchema.parse(aProgram({ plannedStart: `${year}-03-01`, plannedEnd: `${year}-03-05`, ...overrides })));

  it('keeps the figures and records of the freeze while the live figures change, and lists the differences exactly', async () => {
    const year = 2041;
    const a = await create(year, { participantsPlanned: 20, recipients: [{ country: 'KE' }], lifecycleStage: 'completed' });
    const b = await create(year, { participantsPlanned: 10, recipients: [{ country: 'FJ' }] });
    const liveThen = await annualSummary(deps(), year);
    const publicThen = await annualSummary(actingAs(deps(), ANONYMOUS), year);

    const edition = await freezeEdition(actingAs(deps(), actors.coordinator), year, {});
    expect(edition).toMatchObject({
      year,
      number: 1,
      status: 'frozen',
      titleEn: `Annual Report ${year}, edition 1, 28 November 2026`,
      titleId: `Laporan Tahunan ${year}, edisi 1, 28 November 2026`,
      programs: 2,
      countries: 2,
      participants: 30,
      frozenBy: 'coordinator@mitra.test',
      frozenByUserId: 902,
      changes: null,
      errataReason: null,
    });
    expect((await editionFigures(deps(), year, 1)).summary).toEqual(liveThen);
    // The public's figures count the published stages only: the completed program, not the requested one.
    const asPublicScope = await app()
      .database.db.selectFrom('edition_figures')
      .select('summary')
      .where('edition_id', '=', edition.id)
      .where('scope', '=', 'published')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(asPublicScope.summary)).toEqual(publicThen);
    expect(publicThen.programs).toBe(1);
    const records = await editionRecords(deps(), year, 1);
    expect(records.map((r) => [r.id, r.participants, r.recipients])).toEqual([
      [a.id, 20, ['KE']],
      [b.id, 10, ['FJ']],
    ]);

    await patchProgram(deps(), a.id, { participantsPlanned: 25 });
    const c = await create(year, { participantsPlanned: 5, recipients: [{ country: 'KE' }] });
    await deleteProgram(deps(), b.id);

    const live = await annualSummary(deps(), year);
    expect(live.participants).toBe(30);
    expect((await editionFigures(deps(), year, 1)).summary).toEqual(liveThen);
    const diff = await differencesFromLive(deps(), year, 1);
    // Hand-checked: Kenya 20 → 25 + 5 = 30 in 2 programs; Fiji (10, Oceania) is gone; the total
    // stays 30, and the regular totals source counts 2 programs still.
    expect(
      diff.figures.filter((d) => !d.path.startsWith('topRecipients') && !d.path.startsWith('by') && !d.path.startsWith('groupings')),
    ).toEqual([
      { path: 'countries', before: 2, after: 1 },
      // Regions in the report's order: Asia, Oceania, Africa, …
      { path: 'regions.oceania.programs', before: 1, after: 0 },
      { path: 'regions.oceania.countries', before: 1, after: 0 },
      { path: 'regions.oceania.participants', before: 10, after: 0 },
      { path: 'regions.africa.programs', before: 1, after: 2 },
      { path: 'regions.africa.participants', before: 20, after: 30 },
    ]);
    expect(diff.figures).toContainEqual({ path: 'topRecipients[country=KE].programs', before: 1, after: 2 });
    expect(diff.figures).toContainEqual({ path: 'topRecipients[country=FJ].programs', before: 1, after: undefined });
    expect(diff.added.map((r) => r.id)).toEqual([c.id]);
    expect(diff.removed.map((r) => r.id)).toEqual([b.id]);
    expect(diff.changed).toEqual([
      expect.objectContaining({ id: a.id, versionBefore: 1, versionAfter: 2, fields: [{ field: 'participants', before: 20, after: 25 }] }),
    ]);
  });

  it('makes an errata edition only with a reason, and keeps what changed against the edition it corrects', async () => {
    const year = 2042;
    const a = await create(year, { participantsPlanned: 12 });
    const first = await freezeEdition(deps(), year, {});
    await patchProgram(deps(), a.id, { participantsPlanned: 15 });
    const refused = await freezeEdition(deps(), year, {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'edition.reason_required', issues: [expect.objectContaining({ path: 'reason' })] });
    const second = await freezeEdition(deps(), year, { reason: 'the agency corrected its participant count' });
    expect(second).toMatchObject({
      number: 2,
      previousId: first.id,
      errataReason: 'the agency corrected its participant count',
      participants: 15,
    });
    expect(second.changes?.changed).toEqual([
      expect.objectContaining({ id: a.id, fields: [{ field: 'participants', before: 12, after: 15 }] }),
    ]);
    expect(second.changes?.figures[0]).toEqual({ path: 'participants', before: 12, after: 15 });
    expect((await listEditions(deps(), year)).map((e) => e.number)).toEqual([2, 1]);
    expect((await editionFigures(deps(), year, 1)).summary.participants).toBe(12);
    const log = await searchAudit(deps(), { entity: 'edition', entityId: String(second.id), page: 1, pageSize: 10 });
    expect(log.items.map((e) => [e.action, e.comment])).toEqual([['create', 'errata: the agency corrected its participant count']]);
  });

  it('shows the public published editions only, with the figures of published programs', async () => {
    const year = 2043;
    await create(year, { participantsPlanned: 7, lifecycleStage: 'completed' });
    await create(year, { participantsPlanned: 9 });
    await freezeEdition(deps(), year, {});
    const pub = actingAs(deps(), ANONYMOUS);
    expect(await listEditions(pub, year)).toEqual([]);
    await expect(getEdition(pub, year, 1)).rejects.toMatchObject({ code: 'edition.not_found' });
    await expect(differencesFromLive(pub, year, 1)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(publishEdition(actingAs(deps(), actors.viewer), year, 1)).rejects.toMatchObject({ code: 'edition.forbidden' });
    await publishEdition(actingAs(deps(), actors.coordinator), year, 1);
    expect((await listEditions(pub, year)).map((e) => [e.number, e.status])).toEqual([[1, 'published']]);
    const seen = await editionFigures(pub, year, 1);
    expect([seen.scope, seen.summary.programs, seen.summary.participants]).toEqual(['published', 1, 7]);
    expect((await editionFigures(deps(), year, 1)).summary.participants).toBe(16);
    await expect(publishEdition(deps(), year, 1)).rejects.toMatchObject({ code: 'edition.already_published' });
  });

  it('lets the coordination team write the narrative of a draft only', async () => {
    const year = 2044;
    await create(year);
    await freezeEdition(deps(), year, {});
    await expect(
      setNarrative(actingAs(deps(), actors.agency('KEMLU')), year, 1, { lang: 'id', text: 'Kata pengantar' }),
    ).rejects.toMatchObject({
      code: 'edition.forbidden',
    });
    const written = await setNarrative(actingAs(deps(), actors.coordinator), year, 1, { lang: 'id', text: 'Kata pengantar' });
    expect([written.narrativeId, written.narrativeEn]).toEqual(['Kata pengantar', null]);
    await publishEdition(deps(), year, 1);
    await expect(setNarrative(deps(), year, 1, { lang: 'en', text: 'Foreword' })).rejects.toMatchObject({ code: 'edition.published' });
  });

  it('refuses a freeze while spending has no exchange rate, unless overridden with a reason it records', async () => {
    const year = 2045;
    await create(year, {
      transactions: [{ type: '3', date: `${year}-03-02`, amount: '1000.00', currency: 'XOF' }],
    });
    const refused = await freezeEdition(deps(), year, {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      kind: 'conflict',
      code: 'edition.blocked',
      issues: [expect.objectContaining({ code: 'missing_exchange_rate' })],
    });
    expect(await listEditions(deps(), year)).toEqual([]);
    const edition = await freezeEdition(deps(), year, { overrideReason: 'the XOF rate is not published yet' });
    expect(edition.overrideReason).toBe('the XOF rate is not published yet');
    expect(edition.blockers).toEqual([expect.objectContaining({ kind: 'missing_exchange_rate', subject: 'XOF' })]);
  });
  it("keeps the year's collection rounds as they stood at the freeze", async () => {
    const year = 2046;
    await create(year);
    const round = await openRound(actingAs(deps(), actors.coordinator), { year, period: 'year', deadlineDate: `${year + 1}-02-28` });
    await freezeEdition(actingAs(deps(), actors.coordinator), year, { overrideReason: 'the round is still open' });
    await closeRound(actingAs(deps(), actors.coordinator), round.id);
    const kept = await editionRounds(deps(), year, 1);
    expect(kept.map((r) => [r.round.id, r.round.status, r.round.closedAt])).toEqual([[round.id, 'open', null]]);
    await expect(editionRounds(actingAs(deps(), ANONYMOUS), year, 1)).rejects.toMatchObject({ code: 'auth.required' });
    await expect(app().database.db.updateTable('edition_rounds').set({ record: '{}' }).execute()).rejects.toThrow(/cannot be changed/);
  });
});
