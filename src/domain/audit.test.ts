import { describe, expect, it } from 'vitest';
import { diffRecords } from './audit.js';

describe('the fields an audit entry records', () => {
  const before = { id: 7, version: 1, updatedAt: 'a', titleEn: 'Old', recipients: [{ country: 'KE' }], venueCity: null, participantsPlanned: 10 };
  const after = { id: 7, version: 2, updatedAt: 'b', titleEn: 'New', recipients: [{ country: 'KE' }, { country: 'TZ' }], venueCity: null, participantsPlanned: 10 };

  it('keeps only the changed fields, lists whole, and never the version or timestamps', () => {
    expect(diffRecords(before, after)).toEqual({
      recipients: { before: [{ country: 'KE' }], after: [{ country: 'KE' }, { country: 'TZ' }] },
      titleEn: { before: 'Old', after: 'New' },
    });
  });

  it('records the filled fields of a creation and of a deletion', () => {
    expect(diffRecords(null, after)).toEqual({
      id: { before: null, after: 7 },
      participantsPlanned: { before: null, after: 10 },
      recipients: { before: null, after: [{ country: 'KE' }, { country: 'TZ' }] },
      titleEn: { before: null, after: 'New' },
    });
    expect(Object.keys(diffRecords(before, null))).toEqual(['id', 'participantsPlanned', 'recipients', 'titleEn']);
  });

  it('treats missing and null alike, and redacts secrets', () => {
    expect(diffRecords({ a: null }, { a: undefined })).toEqual({});
    expect(diffRecords({ password: 'x', name: 'A' }, { password: 'y', name: 'A' }, ['password'])).toEqual({ password: { before: '[redacted]', after: '[redacted]' } });
  });
});
