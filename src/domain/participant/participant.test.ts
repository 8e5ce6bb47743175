import { describe, expect, it } from 'vitest';
import { checkParticipantCountry, personKey } from './participant.js';
import { participantInputSchema, participantPatchSchema } from './participant.schema.js';

describe('participants', () => {
  it('reads Indonesian sex codes and country names, and defaults the rest', () => {
    const p = participantInputSchema.parse({ fullName: 'Mariam Noori', sex: 'P', country: 'Afganistan' });
    expect(p).toMatchObject({ sex: 'F', country: 'AF', status: 'attended' });
  });

  it('refuses a bad email and unknown fields', () => {
    const r = participantInputSchema.safeParse({ fullName: 'A', country: 'AF', email: 'not-an-email', role: 'admin' });
    expect(r.error?.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['custom', 'unrecognized_keys']));
  });

  it('keeps a patch free of defaults', () => {
    expect(participantPatchSchema.parse({ position: 'Director' })).toEqual({ position: 'Director' });
  });

  it('keys a person by email, else by name and country (order of names ignored)', () => {
    expect(personKey({ email: 'A@B.org', fullName: 'x', country: 'AF' })).toBe('email:a@b.org');
    expect(personKey({ email: null, fullName: 'Noori, Mariam', country: 'AF' })).toBe(
      personKey({ email: null, fullName: 'mariam  NOORI', country: 'AF' }),
    );
  });

  it('accepts only a country that is a recipient of the program', () => {
    expect(checkParticipantCountry('PS', ['PS', 'JO'])).toEqual([]);
    expect(checkParticipantCountry('EG', ['PS', 'JO'])[0]?.code).toBe('not_a_recipient');
  });
});
