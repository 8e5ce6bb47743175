import { expect, it } from 'vitest';
import { programListQuerySchema } from '../../domain/program/program-query.js';
import { regionOf } from '../../domain/reference/countries.js';
import { describeEachEngine } from '../../testing/engines.js';
import { listPrograms } from '../programs.js';
import { listParticipants } from '../participants.js';
import { loadDemoData } from './load-demo.js';
import { statusesOfStage, stageAllows } from '../../domain/program/stage-status.js';

describeEachEngine('demo data', (app) => {
  it('loads the real 2016–2018 programs, and 2018 adds up to the reported totals', async () => {
    const deps = app().deps;
    expect(await loadDemoData(deps)).toEqual({ loaded: true, organisations: 14, activities: 35, participants: 20 });
    const page = await listPrograms(deps, programListQuerySchema.parse({ year: 2018, pageSize: 100 }));
    // DOMAIN.md: 14 programs in 2018, 384 participants from 53 countries.
    expect(page.total).toBe(14);
    expect(page.items.reduce((sum, a) => sum + (a.participantsPlanned ?? 0), 0)).toBe(384);
    const countries = new Set(page.items.flatMap((a) => a.recipients));
    expect(countries.size).toBe(53);
    expect(countries.has('ID')).toBe(false);
    expect([...countries].every((c) => regionOf(c) !== null)).toBe(true);
    expect(page.items.every((a) => a.implementingOrg === 'ID-KEMLU' && a.illustrative)).toBe(true);

    const y2016 = await listPrograms(deps, programListQuerySchema.parse({ year: 2016 }));
    expect(y2016.total).toBe(6);
    expect(y2016.items.find((a) => a.titleEn === 'Entrepreneurship Boot Camp for Asia-Pacific')?.participantsPlanned).toBe(27);
    const triangular = await listPrograms(deps, programListQuerySchema.parse({ cooperationType: 'triangular' }));
    expect(triangular.total).toBe(3);

    const afghanistan = page.items.find((a) => a.identifier === 'ID-KEMLU-2018-06');
    expect(afghanistan).toMatchObject({ venueCity: 'Tangerang', plannedStart: '2018-08-26', actualEnd: '2018-09-01', recipients: ['AF'] });
    const participants = (await listParticipants(deps, afghanistan?.id ?? 0)).all;
    expect(participants).toHaveLength(20);
    expect(new Set(participants.map((p) => p.personKey)).size).toBe(20);
    expect((await loadDemoData(deps)).loaded).toBe(false);
  });

  it('gives every demo program the status of its stage, and offers courses only of programs at a stage that takes nominations', async () => {
    const deps = app().deps;
    await loadDemoData(deps);
    const all = await listPrograms(deps, programListQuerySchema.parse({ pageSize: 100 }));
    expect(all.total).toBe(all.items.length);
    const misfits = all.items
      .filter((a) => !statusesOfStage(a.lifecycleStage).includes(a.activityStatus))
      .map((a) => `${a.identifier}: ${a.lifecycleStage}/${a.activityStatus}`);
    expect(misfits).toEqual([]);
    // The 2016–2018 programs are over: evaluated and closed, as IATI exports them.
    const y2018 = await listPrograms(deps, programListQuerySchema.parse({ year: 2018, pageSize: 100 }));
    expect(new Set(y2018.items.map((a) => `${a.lifecycleStage}/${a.activityStatus}`))).toEqual(new Set(['evaluated/closed']));
    const offered = await deps.store.repos.offers.catalogue({ statuses: ['draft', 'open', 'closed'] }, 1, 100);
    expect(offered.total).toBeGreaterThan(0);
    for (const entry of offered.items) expect(stageAllows('nominations', entry.program.lifecycleStage)).toBe(true);
  });
});
