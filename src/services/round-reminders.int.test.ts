/**
 * Collection round reminders on both engines: to the active accounts of each agency that has
 * not confirmed (not a disabled account, not another agency's, not a confirmed agency), each
 * reminder once, the next one when its day comes, in Indonesian and English; the schedule.
 */
import { beforeAll, expect, it } from 'vitest';
import { userInputSchema } from '../domain/account/user.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { openRoundInput } from '../domain/rounds/round.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { actors } from '../testing/fakes/store.js';
import { ensureOrg } from '../testing/server.js';
import { actingAs, type ServiceDeps } from './deps.js';
import { createProgram } from './programs.js';
import { scheduleRoundReminders, sendRoundReminders, type RoundReminderReport } from './round-reminders.js';
import { confirmRoundPart, openRound } from './rounds.js';
import { createUser, updateUser } from './users.js';

const on = (deps: ServiceDeps, day: string): ServiceDeps => ({ ...deps, clock: { nowIso: () => `${day}T06:00:00.000Z` } });

describeEachEngine('collection round reminders', (app) => {
  const deps = () => app().deps;
  let roundId = 0;

  const outbox = () =>
    app()
      .database.db.selectFrom('mail_outbox')
      .select(['to_address as to', 'subject', 'body_text as body'])
      .where('kind', '=', 'round_reminder')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    for (const code of ['ID-RM-A', 'ID-RM-B', 'ID-RM-C', 'ID-RM-D']) await ensureOrg(app(), code);
    const account = (email: string, orgCode: string) =>
      createUser(deps(), userInputSchema.parse({ email, name: email, role: 'agency', orgCode, password: 'Correct-Horse-Battery-9' }));
    await account('a1@rm.test', 'ID-RM-A');
    await account('a2@rm.test', 'ID-RM-A');
    const gone = await account('a3@rm.test', 'ID-RM-A');
    await updateUser(deps(), gone.id, { disabled: true });
    await account('b1@rm.test', 'ID-RM-B');
    // D has an account but no program in 2045: no part, no mail. C has a program but no account.
    await account('d1@rm.test', 'ID-RM-D');
    for (const org of ['ID-RM-A', 'ID-RM-B', 'ID-RM-C'])
      await createProgram(
        deps(),
        programInputSchema.parse(aProgram({ implementingOrg: org, plannedStart: '2045-02-01', plannedEnd: '2045-02-03' })),
      );
    roundId = (await openRound(deps(), openRoundInput.parse({ year: 2045, deadlineDate: '2026-12-10' }))).id;
    await confirmRoundPart(actingAs(deps(), actors.agency('ID-RM-B')), roundId, null, {});
  });

  it('mails the active accounts of each unconfirmed agency once per reminder, and the next one on its day', async () => {
    expect((await sendRoundReminders(on(deps(), '2026-12-02'))).reminders).toEqual([]);
    const week = await sendRoundReminders(on(deps(), '2026-12-03'));
    expect(week.reminders).toEqual([{ roundId, orgCode: 'ID-RM-A', reminder: 'before-7', recipients: 2 }]);
    expect((await sendRoundReminders(on(deps(), '2026-12-05'))).reminders).toEqual([]);
    const mails = await outbox();
    expect(mails.map((m) => m.to)).toEqual(['a1@rm.test', 'a2@rm.test']);
    expect(mails[0]?.subject).toBe('[Mitra] ID-RM-A: pengumpulan data 2045 sampai 2026-12-10 / data collection 2045 due 2026-12-10');
    expect(mails[0]?.body).toMatch(/Mohon lengkapi program ID-RM-A .* paling lambat 2026-12-10\./);
    expect(mails[0]?.body).toMatch(/Please complete the programs of ID-RM-A .* confirm by 2026-12-10\./);

    expect((await sendRoundReminders(on(deps(), '2026-12-10'))).reminders.map((r) => r.reminder)).toEqual(['before-1']);
    expect((await sendRoundReminders(on(deps(), '2026-12-12'))).reminders.map((r) => r.reminder)).toEqual(['after-1']);
    expect((await sendRoundReminders(on(deps(), '2026-12-17'))).reminders).toEqual([]);
    expect((await sendRoundReminders(on(deps(), '2026-12-18'))).reminders.map((r) => r.reminder)).toEqual(['after-8']);
    const late = (await outbox()).at(-1);
    expect(late?.subject).toMatch(/lewat batas 2026-12-10 \/ data collection 2045 past its deadline/);
    expect((await outbox()).map((m) => m.to).every((to) => to === 'a1@rm.test' || to === 'a2@rm.test')).toBe(true);
    expect(await outbox()).toHaveLength(8);
    await expect(sendRoundReminders(actingAs(deps(), actors.agency('ID-RM-A')))).rejects.toMatchObject({ code: 'round.forbidden' });
  });

  it('sends them by itself on a schedule', async () => {
    const report = await new Promise<RoundReminderReport>((resolve, reject) => {
      const schedule = scheduleRoundReminders(on(deps(), '2026-12-25'), {
        firstAfterMs: 1,
        onQueued: (r) => {
          schedule.stop();
          resolve(r);
        },
        onError: reject,
      });
    });
    expect(report.reminders).toEqual([{ roundId, orgCode: 'ID-RM-A', reminder: 'after-15', recipients: 2 }]);
  });
});
