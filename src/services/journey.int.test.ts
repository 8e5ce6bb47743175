/**
 * A whole offer moved at once: every candidate gets its step in its own history and its mail,
 * the program's history gets one entry listing the participants per step, and the report counts
 * the selected only.
 */
import { expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { offerInputSchema } from '../domain/offer/offer.js';
import { personKey } from '../domain/participant/participant.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { createProgram } from './programs.js';
import { selectAllWithinQuotas } from './selection.js';
import type { NominationWrite } from './offers.ports.js';
import { saveOffer } from './offers.js';
import { annualSummary } from './reports.js';

describeEachEngine('moving a whole offer', (app) => {
  it('selects 60 candidates within the quotas: histories, mail, one program audit entry, and only the selected counted', async () => {
    const deps = app().deps;
    const program = await createProgram(
      deps,
      programInputSchema.parse(
        aProgram({
          plannedStart: '2043-03-02',
          plannedEnd: '2043-03-06',
          participantsPlanned: 12,
          lifecycleStage: 'approved',
          recipients: [{ country: 'FJ' }, { country: 'PG' }],
        }),
      ),
    );
    const offer = await saveOffer(
      deps,
      program.id,
      offerInputSchema.parse({
        deadline: '2043-01-31T23:59:59+07:00',
        quotaDefault: 4,
        quotas: [{ country: 'PG', quota: 6 }],
        status: 'open',
      }),
    );
    const now = deps.clock.nowIso();
    const writes: NominationWrite[] = Array.from({ length: 60 }, (_, i) => {
      const country = i % 2 ? 'PG' : 'FJ';
      const email = `candidate${i}@example.org`;
      return {
        fullName: `Candidate ${i}`,
        sex: 'F',
        country,
        organisation: null,
        position: null,
        email,
        phone: null,
        personKey: personKey({ email, fullName: `Candidate ${i}`, country }),
        nominatedBy: null,
        nominatedAt: new Date(Date.parse(now) - (60 - i) * 1000).toISOString(),
        consentAt: now,
      };
    });
    await deps.store.transaction((repos) => repos.nominations.insertMany(program.id, writes, now));
    // The program counts its planned 12 while it has only candidates.
    expect((await annualSummary(deps, 2043)).participants).toBe(12);

    expect(await selectAllWithinQuotas(deps, offer.id, {})).toEqual({ selected: 10, reserves: 50, notSelected: 0 });
    const db = app().database.db;
    const events = await db.selectFrom('participant_events').select(['to_status']).execute();
    expect(events.filter((e) => e.to_status === 'selected')).toHaveLength(10);
    expect(events.filter((e) => e.to_status === 'reserve')).toHaveLength(50);
    expect(await db.selectFrom('mail_outbox').select('id').where('kind', '=', 'status').execute()).toHaveLength(60);
    const audit = await deps.store.repos.audit.search({ entity: 'activity', entityId: String(program.id), page: 1, pageSize: 10 });
    const entry = audit.items.find((e) => Object.keys(e.changes).some((k) => k.startsWith('participants ')));
    expect(Object.keys(entry?.changes ?? {}).sort()).toEqual(['participants nominated → reserve', 'participants nominated → selected']);
    expect(String(entry?.changes['participants nominated → selected']?.after)).toMatch(/^10: /);
    expect((await deps.store.repos.audit.search({ entity: 'participant', page: 1, pageSize: 10 })).total).toBe(0);
    // 4 from Fiji and 6 from Papua New Guinea: records now, not the planned total.
    const summary = await annualSummary(deps, 2043);
    expect(summary.participants).toBe(10);
  });
});
