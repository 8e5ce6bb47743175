import { describe, expect, it } from 'vitest';
import { emptyContact, formPathOf, toPartnerProfileBody, validatePartnerProfile } from './partner-profile-form.js';

describe('toPartnerProfileBody', () => {
  it('leaves blank contact rows out and sends empty texts as null', () => {
    const body = toPartnerProfileBody({
      website: ' ',
      notes: 'Met yearly',
      contacts: [emptyContact(), { name: ' Ana Ruiz ', position: '', email: 'ana@amexcid.gob.mx', phone: '' }],
    });
    expect(body).toEqual({
      website: null,
      notes: 'Met yearly',
      contacts: [{ name: 'Ana Ruiz', position: null, email: 'ana@amexcid.gob.mx', phone: null }],
    });
  });
});

describe('validatePartnerProfile', () => {
  it('accepts a website, notes and complete contacts', () => {
    expect(
      validatePartnerProfile({
        website: 'https://www.gob.mx/amexcid',
        notes: '',
        contacts: [{ name: 'Ana', position: 'Director', email: 'ana@example.org', phone: '+52 55 1234' }],
      }).size,
    ).toBe(0);
  });

  it('names the form row of a bad contact, blank rows counted', () => {
    const errors = validatePartnerProfile({
      website: 'ftp://example.org',
      notes: '',
      contacts: [emptyContact(), { name: '', position: 'Director', email: 'not-an-email', phone: '' }],
    });
    expect(errors.has('website')).toBe(true);
    expect(errors.get('contacts.1.name')?.code).toBe('required');
    expect(errors.has('contacts.1.email')).toBe(true);
  });
});

describe('formPathOf', () => {
  it('maps a server issue about the n-th contact sent to its row in the form', () => {
    const s = {
      website: '',
      notes: '',
      contacts: [emptyContact(), { ...emptyContact(), name: 'A' }, emptyContact(), { ...emptyContact(), name: 'B' }],
    };
    expect(formPathOf(s, 'contacts.1.email')).toBe('contacts.3.email');
    expect(formPathOf(s, 'website')).toBe('website');
  });
});
