import { describe, expect, it } from 'vitest';
import {
  emptyParticipant,
  toParticipantBody,
  toParticipantPatch,
  validateParticipant,
  type ParticipantFormState,
} from './participant-form.js';

const filled = (change: Partial<ParticipantFormState> = {}): ParticipantFormState => ({
  ...emptyParticipant(['FJ']),
  fullName: ' Mere Naivalu ',
  email: 'Mere@Example.org',
  consent: true,
  ...change,
});

describe('participant form', () => {
  it('chooses the only recipient country, and none when there are several', () => {
    expect(emptyParticipant(['FJ']).country).toBe('FJ');
    expect(emptyParticipant(['FJ', 'PG']).country).toBe('');
  });

  it('sends trimmed text, empty fields as null, and consent', () => {
    expect(toParticipantBody(filled())).toEqual({
      fullName: 'Mere Naivalu',
      sex: 'X',
      country: 'FJ',
      organisation: null,
      position: null,
      email: 'Mere@Example.org',
      status: 'attended',
      consent: true,
    });
  });

  it('requires consent, a name and a country to add, as the server does', () => {
    const errors = validateParticipant(filled({ consent: false, fullName: ' ', country: '' }), 'add');
    expect([...errors.keys()].sort()).toEqual(['consent', 'country', 'fullName']);
    expect(toParticipantBody(filled({ consent: false }))).toBeUndefined();
    expect(validateParticipant(filled({ email: 'not an address' }), 'add').get('email')).toBeDefined();
    expect(validateParticipant(filled(), 'add').size).toBe(0);
  });

  it('changes a record without asking consent again, and records consent given later once', () => {
    expect(validateParticipant(filled({ consent: false }), 'edit').size).toBe(0);
    expect(toParticipantPatch(filled({ consent: false }), false)).not.toHaveProperty('consent');
    expect(toParticipantPatch(filled(), false)).toMatchObject({ consent: true });
    expect(toParticipantPatch(filled(), true)).not.toHaveProperty('consent');
  });
});
