/**
 * Retention rules (docs/privacy.md) through the API at the tests' clock (2026-11-28): the rules
 * start switched off; an administrator switches them on (If-Match; a coordinator may not); the
 * dry run lists exactly what the run deletes (record, category, reason, due date), only for the
 * program that ended long enough ago; the report figures are the same after the run.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { personKey, type ParticipantData } from '../domain/participant/participant.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

const AGENCY = 'ID-PDP-RET';
type Report = {
  today: string;
  items: { category: string; participantId: number; targetId: number; record: string; dueDate: string; reason: string }[];
};

describeEachEngine('retention rules API', (app: () => AppContext) => {
  const as = {} as Record<'admin' | 'coordinator' | 'agency' | 'viewer' | 'public', FastifyInstance>;
  const ids: Record<string, number> = {};
  const years = [2024, 2026] as const;

  async function person(activityId: number, key: string) {
    const data: ParticipantData = {
      fullName: `Person ${key}`,
      sex: key === 'old' ? 'F' : 'M',
      country: 'KE',
      organisation: 'Ministry',
      position: 'Officer',
      email: `${key}@ret.test`,
      status: 'completed',
      illustrative: false,
    };
    const repos = app().deps.store.repos;
    const id = await repos.participants.insert(activityId, {
      data,
      personKey: personKey(data),
      now: '2024-01-01T00:00:00.000Z',
      nominatedBy: null,
    });
    await repos.reportFacts.refresh([activityId], { participantsOnly: true });
    ids[key] = id;
    const db = app().database.db;
    for (const kind of ['cv', 'letter'] as const)
      await db
        .insertInto('participant_documents')
        .values({
          participant_id: id,
          kind,
          file_name: `${kind}.pdf`,
          content_type: 'application/pdf',
          size_bytes: 3,
          sha256: '00'.repeat(32),
          content: Buffer.from('%PD'),
          uploaded_by: 'x',
          created_at: '2024-01-01T00:00:00.000Z',
        })
        .execute();
    await db
      .insertInto('mail_outbox')
      .values({
        kind: 'selected',
        to_address: data.email ?? '',
        subject: 'Welcome',
        body_text: 'Dear',
        participant_id: id,
        created_at: '2024-01-01T00:00:00.000Z',
        sent_at: '2024-01-01T00:01:00.000Z',
      })
      .execute();
    const survey = (await db.selectFrom('surveys').select('id').where('code', '=', 'followup_6m').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('survey_invitations')
      .values({
        survey_id: survey,
        participant_id: id,
        token: `ret-${key}`,
        due_on: '2025-01-01',
        sent_at: '2025-01-01T00:00:00.000Z',
        answered_at: '2025-01-02T00:00:00.000Z',
        answers: JSON.stringify({ knowledge_applied: true, usefulness: 4, comment: `I am ${key}` }),
      })
      .execute();
  }

  beforeAll(async () => {
    const server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    await ensureOrg(app(), AGENCY);
    as.admin = asSession(server, await signIn(server, app(), 'admin'));
    as.coordinator = asSession(server, await signIn(server, app(), 'coordinator'));
    as.agency = asSession(server, await signIn(server, app(), 'agency', AGENCY));
    as.viewer = asSession(server, await signIn(server, app(), 'viewer'));
    as.public = server;
    for (const [key, year] of [
      ['old', years[0]],
      ['new', years[1]],
    ] as const) {
      const program = await createProgram(
        app().deps,
        programInputSchema.parse(
          aProgram({
            implementingOrg: AGENCY,
            lifecycleStage: 'completed',
            plannedStart: `${year}-06-01`,
            plannedEnd: `${year}-06-30`,
            recipients: [{ country: 'KE' }],
          }),
        ),
      );
      await person(program.id, key);
    }
  });

  const due = async () => (await as.coordinator.inject({ url: '/api/v1/personal-data/retention/due' })).json() as Report;
  const summary = async () =>
    Promise.all(years.map(async (y) => (await as.public.inject({ url: `/api/v1/reports/summary?year=${y}` })).body));

  it('starts with every rule off, lets an administrator (only) change them with If-Match', async () => {
    const rules = (await as.coordinator.inject({ url: '/api/v1/personal-data/retention-rules' })).json() as {
      items: { category: string; enabled: boolean; version: number }[];
    };
    expect(rules.items.map((r) => r.category)).toEqual(['cv', 'letter', 'mail', 'survey_text', 'contact', 'identity']);
    expect(rules.items.every((r) => !r.enabled)).toBe(true);
    expect((await due()).items).toEqual([]);
    const patch = (who: keyof typeof as, category: string, body: object, version = '"1"') =>
      as[who].inject({
        method: 'PATCH',
        url: `/api/v1/personal-data/retention-rules/${category}`,
        headers: { 'if-match': version },
        payload: body,
      });
    expect((await patch('coordinator', 'cv', { enabled: true })).statusCode).toBe(403);
    expect((await patch('agency', 'cv', { enabled: true })).statusCode).toBe(403);
    const cv = await patch('admin', 'cv', { enabled: true, months: 12 });
    expect(cv.statusCode, cv.body).toBe(200);
    expect(cv.headers.etag).toBe('"2"');
    expect((await patch('admin', 'cv', { months: 6 })).statusCode).toBe(409);
    for (const c of ['mail', 'survey_text', 'contact'])
      expect((await patch('admin', c, { enabled: true, months: 24 })).statusCode).toBe(200);
    expect((await patch('admin', 'nonsense', { enabled: true })).statusCode).toBe(400);
    const log = await app().deps.store.repos.audit.search({ entity: 'retention_rule', page: 1, pageSize: 20 });
    expect(log.items.find((e) => e.entityId === 'cv')?.changes.enabled).toEqual({ before: false, after: true });
  });

  it('deletes exactly what the dry run listed, only of the old program, and keeps every report figure', async () => {
    const planned = await due();
    expect(planned.today).toBe('2026-11-28');
    expect(planned.items.map((i) => [i.category, i.participantId, i.dueDate])).toEqual([
      ['cv', ids.old, '2025-06-30'],
      ['mail', ids.old, '2026-06-30'],
      ['survey_text', ids.old, '2026-06-30'],
      ['contact', ids.old, '2026-06-30'],
    ]);
    expect(planned.items[0]?.reason).toMatch(/retention rule cv: 12 month\(s\) after the program ended on 2024-06-30/);
    const before = await summary();
    expect((await as.coordinator.inject({ method: 'POST', url: '/api/v1/personal-data/retention/run' })).statusCode).toBe(403);
    const run = await as.admin.inject({ method: 'POST', url: '/api/v1/personal-data/retention/run' });
    expect(run.statusCode, run.body).toBe(200);
    expect((run.json() as Report).items).toEqual(planned.items);
    expect(await summary()).toEqual(before);
    expect((await due()).items).toEqual([]);

    const db = app().database.db;
    const docs = await db.selectFrom('participant_documents').select(['participant_id', 'kind']).orderBy('id').execute();
    expect(docs.map((d) => [Number(d.participant_id), d.kind])).toEqual([
      [ids.old, 'letter'],
      [ids.new, 'cv'],
      [ids.new, 'letter'],
    ]);
    const people = await db.selectFrom('participants').select(['id', 'email', 'person_key', 'full_name']).orderBy('id').execute();
    expect(people.map((p) => [Number(p.id), p.email, p.full_name])).toEqual([
      [ids.old, null, 'Person old'],
      [ids.new, 'new@ret.test', 'Person new'],
    ]);
    expect(people[0]?.person_key).not.toContain('old@ret.test');
    expect((await db.selectFrom('mail_outbox').select('participant_id').execute()).map((m) => Number(m.participant_id))).toEqual([ids.new]);
    const answers = await db.selectFrom('survey_invitations').select(['participant_id', 'answers']).orderBy('id').execute();
    expect(answers.map((a) => JSON.parse(a.answers ?? '{}'))).toEqual([
      { knowledge_applied: true, usefulness: 4 },
      { knowledge_applied: true, usefulness: 4, comment: 'I am new' },
    ]);
    const audit = await app().deps.store.repos.audit.search({ entity: 'participant', entityId: String(ids.old), page: 1, pageSize: 50 });
    expect(audit.items.filter((e) => e.comment?.startsWith('retention rule')).length).toBe(4);
    expect(JSON.stringify(audit.items)).not.toContain('old@ret.test');
  });

  it('shows the rules and the dry run to the coordination team only', async () => {
    for (const url of ['/api/v1/personal-data/retention-rules', '/api/v1/personal-data/retention/due']) {
      expect((await as.agency.inject({ url })).statusCode).toBe(403);
      expect((await as.viewer.inject({ url })).statusCode).toBe(403);
      expect((await as.public.inject({ url })).statusCode).toBe(401);
      expect((await as.admin.inject({ url })).statusCode).toBe(200);
    }
  });
});
