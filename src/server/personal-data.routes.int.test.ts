/**
 * Access requests (UU PDP Art. 7; docs/privacy.md): the export of one person holds every kind of
 * data keyed to them over all their programs — records, consent, documents, journey, attendance,
 * certificates, mail, survey answers and audit entries — and nothing about another person; the
 * coordination team only; each export is audited.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { personKey, type ParticipantData } from '../domain/participant/participant.js';
import type { PersonalDataExport } from '../domain/personal-data/access.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { flatText, pdfText } from '../testing/pdf.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

const AGENCY = 'ID-PDP-OWN';

describeEachEngine('personal data access requests API', (app: () => AppContext) => {
  const as = {} as Record<'admin' | 'coordinator' | 'agency' | 'viewer' | 'public', FastifyInstance>;
  const tag = `pdp${Date.now().toString(36)}`;
  const A = { name: `Amani ${tag}`, email: `amani.${tag}@mail.test` };
  const B = { name: `Bahati ${tag}`, email: `bahati.${tag}@mail.test` };
  const ids: Record<string, number> = {};

  async function addRecord(activityId: number, key: string, p: { name: string; email: string }) {
    const data: ParticipantData = {
      fullName: p.name,
      sex: 'F',
      country: 'KE',
      organisation: 'Ministry of Water',
      position: 'Engineer',
      email: p.email,
      status: 'completed',
      illustrative: false,
    };
    ids[key] = await app().deps.store.repos.participants.insert(activityId, {
      data,
      personKey: personKey(data),
      now: '2026-09-01T00:00:00.000Z',
      nominatedBy: null,
    });
  }

  /** One row of every kind keyed to a record, its texts naming its person. */
  async function holdingsFor(key: string, who: { name: string; email: string }) {
    const db = app().database.db;
    const id = ids[key] ?? 0;
    await db
      .insertInto('participant_documents')
      .values({
        participant_id: id,
        kind: 'cv',
        file_name: `cv-${key}.pdf`,
        content_type: 'application/pdf',
        size_bytes: 3,
        sha256: 'ab'.repeat(32),
        content: Buffer.from('%PD'),
        uploaded_by: 'embassy@test',
        created_at: '2026-09-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('participant_events')
      .values({
        participant_id: id,
        from_status: 'nominated',
        to_status: 'selected',
        at: '2026-09-02T00:00:00.000Z',
        by_label: 'agency',
        note: `note ${key}`,
      })
      .execute();
    await db
      .insertInto('attendance')
      .values({ participant_id: id, day: '2026-09-03', present: 1, recorded_by: 'agency', recorded_at: '2026-09-03T00:00:00.000Z' })
      .execute();
    await db
      .insertInto('certificates')
      .values({
        participant_id: id,
        number: `CERT-${key}-${tag}`,
        verify_token: `tok-${key}-${tag}`,
        issued_at: '2026-09-10T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('mail_outbox')
      .values({
        kind: 'selected',
        to_address: who.email,
        subject: `Welcome ${who.name}`,
        body_text: `Dear ${who.name}`,
        participant_id: id,
        created_at: '2026-09-02T00:00:00.000Z',
      })
      .execute();
    const survey = (await db.selectFrom('surveys').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('survey_invitations')
      .values({
        survey_id: survey,
        participant_id: id,
        token: `st-${key}-${tag}`,
        due_on: '2027-03-01',
        sent_at: '2027-03-01T00:00:00.000Z',
        answered_at: '2027-03-02T00:00:00.000Z',
        answers: JSON.stringify({ comment: `comment by ${who.name}` }),
      })
      .execute();
    await app().deps.store.repos.audit.append({
      at: '2026-09-01T00:00:00.000Z',
      actorUserId: null,
      actorLabel: 'test',
      action: 'create',
      entity: 'participant',
      entityId: String(id),
      entityLabel: `#${id}`,
      entityVersion: null,
      changes: { fullName: { before: null, after: who.name } },
      comment: null,
    });
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
    const program = async (start: string, end: string) =>
      (
        await createProgram(
          app().deps,
          programInputSchema.parse(
            aProgram({
              implementingOrg: AGENCY,
              lifecycleStage: 'completed',
              plannedStart: start,
              plannedEnd: end,
              recipients: [{ country: 'KE' }],
            }),
          ),
        )
      ).id;
    const p1 = await program('2026-08-20', '2026-08-31');
    const p2 = await program('2025-03-01', '2025-03-10');
    await addRecord(p1, 'A1', A);
    await addRecord(p2, 'A2', A);
    await addRecord(p1, 'B', B);
    for (const [key, who] of [
      ['A1', A],
      ['A2', A],
      ['B', B],
    ] as const)
      await holdingsFor(key, who);
    // Mail to each person's address without a record, and a nominator's list naming both (the nominator's mail).
    const unlinked = [
      [A.email.toUpperCase(), 'unlinked A'],
      [B.email, 'unlinked B'],
      ['nominator@kbri.test', `${A.name}, ${B.name}`],
    ] as const;
    for (const [to, subject] of unlinked)
      await app()
        .database.db.insertInto('mail_outbox')
        .values({
          kind: 'status_list',
          to_address: to,
          subject,
          body_text: subject,
          participant_id: null,
          created_at: '2026-09-05T00:00:00.000Z',
        })
        .execute();
  });

  it('exports every kind of data about the person over both programs, and nothing about another person', async () => {
    const response = await as.coordinator.inject({ method: 'GET', url: `/api/v1/personal-data/${ids.A2}/export.json` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const e = response.json() as PersonalDataExport;
    const both = [ids.A1, ids.A2].sort();
    expect(e.law).toMatch(/Nomor 27|No\. 27/);
    expect(e.participants.map((p) => p.id).sort()).toEqual(both);
    expect(e.programs).toHaveLength(2);
    expect(e.consents.map((c) => c.participantId).sort()).toEqual(both);
    for (const kind of ['documents', 'events', 'attendance', 'certificates', 'surveyAnswers'] as const)
      expect(e[kind].map((x) => x.participantId).sort(), kind).toEqual(both);
    expect(e.mail.map((m) => m.participantId ?? m.subject).sort()).toEqual([...both, 'unlinked A'].sort());
    expect(e.documents[0]?.href).toMatch(/^\/api\/v1\/documents\/\d+$/);
    expect(
      e.auditEntries
        .filter((a) => a.entity === 'participant')
        .map((a) => Number(a.entityId))
        .sort(),
    ).toEqual(both);
    // Nothing of B anywhere: neither the name, nor the email, nor a record id.
    expect(response.body).not.toContain(B.name);
    expect(response.body).not.toContain(B.email);
    expect(response.body).toContain(A.email);
  });

  it('finds the person by email or person key, and audits each export', async () => {
    const byEmail = await as.admin.inject({
      method: 'POST',
      url: '/api/v1/personal-data/lookup',
      payload: { email: A.email.toUpperCase() },
    });
    expect(byEmail.statusCode, byEmail.body).toBe(200);
    const found = byEmail.json() as { personKey: string; records: { participantId: number }[] };
    expect(found.records.map((r) => r.participantId).sort()).toEqual([ids.A1, ids.A2].sort());
    const byKey = await as.admin.inject({ method: 'POST', url: '/api/v1/personal-data/lookup', payload: { personKey: found.personKey } });
    expect((byKey.json() as typeof found).records).toHaveLength(2);
    expect((await as.admin.inject({ method: 'POST', url: '/api/v1/personal-data/lookup', payload: {} })).statusCode).toBe(400);
    expect(
      (await as.admin.inject({ method: 'POST', url: '/api/v1/personal-data/lookup', payload: { email: 'nobody@x.test' } })).statusCode,
    ).toBe(404);

    const pdf = await as.admin.inject({ method: 'GET', url: `/api/v1/personal-data/${ids.A1}/export.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = flatText(pdfText(pdf.rawPayload));
    expect(text).toContain(A.email);
    expect(text).toContain(`CERT-A1-${tag}`);
    expect(text).not.toContain(B.email);

    const log = await app().deps.store.repos.audit.search({ entity: 'personal_data', page: 1, pageSize: 50 });
    const formats = log.items
      .filter((i) => [String(ids.A1), String(ids.A2)].includes(i.entityId ?? ''))
      .map((i) => i.changes.format?.after);
    expect(formats).toEqual(expect.arrayContaining(['json', 'pdf']));
  });

  it('answers the coordination team only', async () => {
    const status = async (who: keyof typeof as) =>
      (await as[who].inject({ method: 'GET', url: `/api/v1/personal-data/${ids.B}/export.json` })).statusCode;
    expect(await status('agency')).toBe(403);
    expect(await status('viewer')).toBe(403);
    expect(await status('public')).toBe(401);
    expect((await as.coordinator.inject({ method: 'GET', url: '/api/v1/personal-data/999999999/export.json' })).statusCode).toBe(404);
  });
});
