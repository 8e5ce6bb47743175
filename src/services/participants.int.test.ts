import { expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { aProgram, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { createProgram, deleteProgram, patchProgram } from './programs.js';
import { addParticipant, deleteParticipant, listParticipants, patchParticipant } from './participants.js';

describeEachEngine('participants', (app) => {
  const deps = () => app().deps;
  const program = () => createProgram(deps(), programInputSchema.parse(aProgram({ recipients: [{ country: 'PS' }, { country: 'JO' }] })));
  const add = (activityId: number, overrides = {}) =>
    addParticipant(deps(), activityId, participantInputSchema.parse(aParticipant({ country: 'PS', ...overrides })));

  it('adds, lists, changes and removes participants', async () => {
    const a = await program();
    const p = await add(a.id, { fullName: 'Mariam Noori', sex: 'P', email: 'Mariam@Example.org' });
    expect(p).toMatchObject({ sex: 'F', email: 'mariam@example.org', personKey: 'email:mariam@example.org', status: 'attended' });
    await add(a.id, { country: 'Yordania' });
    expect((await listParticipants(deps(), a.id)).items.map((x) => x.country)).toEqual(['JO', 'PS']);
    const changed = await patchParticipant(deps(), a.id, p.id, { position: 'Director' });
    expect(changed).toMatchObject({ position: 'Director', sex: 'F', fullName: 'Mariam Noori' });
    await deleteParticipant(deps(), a.id, p.id);
    expect((await listParticipants(deps(), a.id)).items).toHaveLength(1);
  });

  it('keeps the counts right when participants of one program are added at the same moment', async () => {
    const a = await program();
    // Each addition refreshes the program's report facts in its own transaction; on PostgreSQL
    // they overlapped and the later one failed on the facts' key before the program row was locked.
    await Promise.all(Array.from({ length: 6 }, (_, i) => add(a.id, { fullName: `Concurrent Person ${i}` })));
    const facts = await app()
      .database.db.selectFrom('activity_country_facts')
      .select(['country_code', 'participants'])
      .where('activity_id', '=', a.id)
      .orderBy('country_code')
      .execute();
    expect(facts.map((f) => [f.country_code, Number(f.participants)])).toEqual([
      ['JO', 0],
      ['PS', 6],
    ]);
  });

  it('refuses a participant from a country that is not a recipient', async () => {
    const a = await program();
    const error = await add(a.id, { country: 'EG' }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues[0]).toMatchObject({ path: 'country', code: 'not_a_recipient' });
    expect((await listParticipants(deps(), a.id)).items).toHaveLength(0);
  });

  it('refuses the same person twice in one program', async () => {
    const a = await program();
    await add(a.id, { fullName: 'Ahmad Rahimi' });
    await expect(add(a.id, { fullName: 'rahimi, ahmad' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses to drop a recipient country that participants come from', async () => {
    const a = await program();
    await add(a.id, { country: 'JO' });
    const error = await patchProgram(deps(), a.id, { recipients: [{ country: 'PS' }] }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues[0]).toMatchObject({ path: 'recipients', code: 'participants_from_country' });
  });

  it('answers not found for another program or a deleted program', async () => {
    const a = await program();
    const b = await program();
    const p = await add(a.id);
    await expect(patchParticipant(deps(), b.id, p.id, { position: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await deleteProgram(deps(), a.id);
    await expect(listParticipants(deps(), a.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
