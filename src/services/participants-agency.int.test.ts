/**
 * An implementing agency records the participants of its own programs, one by one and by
 * import, and no others'; every change is audited; consent is recorded as for a nomination.
 */
import { expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { ForbiddenError, InvalidError } from '../domain/errors.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { aParticipant, aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { ensureOrg } from '../testing/server.js';
import { actingAs } from './deps.js';
import { importParticipants } from './import-participants.js';
import type { RecordSource } from './imports.ports.js';
import { addParticipant, deleteParticipant, listParticipants, patchParticipant } from './participants.js';
import { eraseParticipant } from './privacy.js';
import { createProgram } from './programs.js';

const OWN = 'ID-AGENCY-OWN';
const OTHER = 'ID-AGENCY-OTHER';
const agency: Actor = { kind: 'user', userId: 9001, role: 'agency', orgCode: OWN, label: 'officer@own.test' };
const coordinator: Actor = { kind: 'user', userId: 9002, role: 'coordinator', orgCode: null, label: 'coordinator@team.test' };

/** A spreadsheet's rows as the CSV reader hands them over (plain comma-separated cells, no quoting needed here). */
const csv = (text: string): RecordSource => ({
  name: 'participants.csv',
  batches: (async function* () {
    yield text
      .split('\n')
      .filter((l) => l !== '')
      .map((l, i) => ({ line: i + 1, fields: l.split(',') }));
  })(),
  sha256: () => null,
});

describeEachEngine('participants: the implementing agency', (app) => {
  const system = () => app().deps;
  const as = (actor: Actor) => actingAs(app().deps, actor);
  const program = async (org: string) => {
    for (const code of [OWN, OTHER]) await ensureOrg(app(), code);
    return createProgram(
      system(),
      programInputSchema.parse(aProgram({ implementingOrg: org, lifecycleStage: 'implementation', recipients: [{ country: 'KE' }] })),
    );
  };
  const entries = async (entityId: number) =>
    (await system().store.repos.audit.search({ entity: 'participant', entityId: String(entityId), page: 1, pageSize: 10 })).items;

  it('adds, changes and removes participants of its own program, each change audited under its name', async () => {
    const mine = await program(OWN);
    const p = await addParticipant(as(agency), mine.id, participantInputSchema.parse(aParticipant({ fullName: 'Amina Wanjiku' })));
    expect(p).toMatchObject({ fullName: 'Amina Wanjiku', nominatedBy: null, status: 'attended' });
    const changed = await patchParticipant(as(agency), mine.id, p.id, { position: 'Head of unit', status: 'completed' });
    expect(changed).toMatchObject({ position: 'Head of unit', status: 'completed' });
    await deleteParticipant(as(agency), mine.id, p.id);
    expect((await listParticipants(system(), mine.id)).items).toEqual([]);
    const log = await entries(p.id);
    expect(log.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(log.every((e) => e.actorLabel === 'officer@own.test')).toBe(true);
    expect(log.find((e) => e.action === 'update')?.changes).toMatchObject({ position: { before: null, after: 'Head of unit' } });
  });

  it('refuses to add, change or remove a participant of another agency’s program, and writes nothing', async () => {
    const theirs = await program(OTHER);
    const p = await addParticipant(system(), theirs.id, participantInputSchema.parse(aParticipant({ fullName: 'Otieno Ouma' })));
    await expect(addParticipant(as(agency), theirs.id, participantInputSchema.parse(aParticipant()))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(patchParticipant(as(agency), theirs.id, p.id, { position: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteParticipant(as(agency), theirs.id, p.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listParticipants(system(), theirs.id)).items).toEqual([expect.objectContaining({ id: p.id, position: null })]);
    expect((await entries(p.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('records consent with the entry, and consent given later once', async () => {
    const mine = await program(OWN);
    const consenting = await addParticipant(as(agency), mine.id, participantInputSchema.parse(aParticipant({ consent: true })));
    expect(consenting.consentAt).toEqual(expect.any(String));
    const silent = await addParticipant(as(agency), mine.id, participantInputSchema.parse(aParticipant({ consent: undefined })));
    expect(silent.consentAt).toBeNull();
    const later = await patchParticipant(as(agency), mine.id, silent.id, { consent: true });
    expect(later.consentAt).toEqual(expect.any(String));
    expect((await entries(silent.id)).find((e) => e.action === 'update')?.changes).toMatchObject({
      consentAt: { before: null, after: later.consentAt },
    });
    const again = await patchParticipant(as(agency), mine.id, silent.id, { consent: true, position: 'Officer' });
    expect(again.consentAt).toBe(later.consentAt);
  });

  it('does not change a record whose personal data was erased (the data would come back)', async () => {
    const mine = await program(OWN);
    const p = await addParticipant(as(agency), mine.id, participantInputSchema.parse(aParticipant({ email: 'erase.me@example.org' })));
    await eraseParticipant(as(coordinator), p.id, 'asked by the person');
    const error = await patchParticipant(as(agency), mine.id, p.id, { fullName: 'Back Again' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect(error).toMatchObject({ code: 'participant.erased' });
    expect((await listParticipants(system(), mine.id)).items[0]).toMatchObject({ fullName: '[erased]', email: null });
  });

  it('imports participants of its own programs only: a row of another agency’s program rejects the file', async () => {
    const mine = await program(OWN);
    const theirs = await program(OTHER);
    const header = 'activity_identifier,full_name,sex,country';
    const good = await importParticipants(as(agency), csv(`${header}\n${mine.identifier},Grace Achieng,F,KE\n`));
    expect(good).toMatchObject({ status: 'committed', inserted: 1 });
    expect((await listParticipants(system(), mine.id)).items.map((p) => p.fullName)).toEqual(['Grace Achieng']);

    const mixed = await importParticipants(
      as(agency),
      csv(`${header}\n${mine.identifier},Joseph Kamau,M,KE\n${theirs.identifier},Mercy Njeri,F,KE\n${theirs.identifier},,F,KE\n`),
    );
    expect(mixed).toMatchObject({ status: 'rejected', inserted: 1, rejectedRows: 2 });
    // Every problem of every row: the out-of-scope row, and the other one's missing name besides its scope.
    expect(mixed.errors).toEqual([
      {
        line: 3,
        column: 'activity_identifier',
        value: theirs.identifier,
        code: 'not_your_program',
        params: { value: theirs.identifier, org: OWN },
        message: `program ${theirs.identifier} is not implemented by your agency (${OWN})`,
      },
      expect.objectContaining({ line: 4, column: 'activity_identifier', value: theirs.identifier }),
      expect.objectContaining({ line: 4, column: 'full_name' }),
    ]);
    // All or nothing: the own program's row was not written either.
    expect((await listParticipants(system(), mine.id)).items.map((p) => p.fullName)).toEqual(['Grace Achieng']);
    expect((await listParticipants(system(), theirs.id)).items).toEqual([]);

    // The coordination team imports for every program; an agency imports no programs.
    const team = await importParticipants(as(coordinator), csv(`${header}\n${theirs.identifier},Mercy Njeri,F,KE\n`));
    expect(team).toMatchObject({ status: 'committed', inserted: 1 });
    await expect(importParticipants(as({ ...agency, role: 'embassy' }), csv(`${header}\n`))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
