import { describe, expect, it } from 'vitest';
import { diffRecords } from './audit.js';

describe('the fields an audit entry records', () => {
  const before = {
    id: 7,
    version: 1,
    updatedAt: 'a',
    titleEn: 'Old',
    recipients: [{ country: 'KE' }],
    venueCity: null,
    participantsPlanned: 10,
  };
  const after = {
    id: 7,
    version: 2,
    updatedAt: 'b',
    titleEn: 'New',
    recipients: [{ country: 'KE' }, { country: 'TZ' }],
    venueCity: null,
    participantsPlanned: 10,
  };

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
    expect(diffRecords({ password: 'x', name: 'A' }, { password: 'y', name: 'A' }, ['password'])).toEqual({
      password: { before: '[redacted]', after: '[redacted]' },
    });
  });
});

describe('diffRecords', () => {
  it('records a creation as the filled fields, keeping false and 0 but not empty text or lists', () => {
    expect(diffRecords(null, { name: 'A', disabled: false, count: 0, note: '', tags: [], orgCode: null, missing: undefined })).toEqual({
      count: { before: null, after: 0 },
      disabled: { before: null, after: false },
      name: { before: null, after: 'A' },
    });
  });

  it('records a deletion as the filled fields before, with nothing after', () => {
    expect(diffRecords({ name: 'A', disabled: true, note: '', tags: ['x'], orgCode: null }, null)).toEqual({
      disabled: { before: true, after: null },
      name: { before: 'A', after: null },
      tags: { before: ['x'], after: null },
    });
  });

  it('records an update as exactly the changed fields, with emptied fields shown as null', () => {
    const before: Record<string, string | number | null> = { a: 'same', b: 'old', c: 'gone', d: null, e: 1 };
    const after: Record<string, string | number | null> = { a: 'same', b: 'new', c: null, d: 'set', e: 1 };
    expect(diffRecords(before, after)).toEqual({
      b: { before: 'old', after: 'new' },
      c: { before: 'gone', after: null },
      d: { before: null, after: 'set' },
    });
    // An emptied string is a change (to ""), an emptied list too.
    expect(diffRecords({ t: 'x', l: [1] }, { t: '', l: [] })).toEqual({ t: { before: 'x', after: '' }, l: { before: [1], after: [] } });
    expect(diffRecords({ n: 0 }, { n: null })).toEqual({ n: { before: 0, after: null } });
    expect(diffRecords({ f: false }, { f: true })).toEqual({ f: { before: false, after: true } });
  });

  it('compares nested values deeply and lists fields in alphabetical order', () => {
    const before = { z: 1, budgets: [{ amount: '10.00', currency: 'USD' }], a: { x: 1 } };
    const after = { z: 2, budgets: [{ amount: '10.00', currency: 'USD' }], a: { x: 2 } };
    const changes = diffRecords(before, after);
    expect(Object.keys(changes)).toEqual(['a', 'z']);
    expect(changes.a).toEqual({ before: { x: 1 }, after: { x: 2 } });
  });

  it('ignores the version, timestamps and the derived year, whatever the action', () => {
    const noise = { version: 1, updatedAt: 'a', createdAt: 'b', year: 2018 };
    const moved = { version: 2, updatedAt: 'c', createdAt: 'd', year: 2019 };
    expect(diffRecords(noise, moved)).toEqual({});
    expect(diffRecords(null, noise)).toEqual({});
    expect(diffRecords(noise, null)).toEqual({});
    // lastLoginAt is not noise: the account views of the audit log leave it out themselves.
    expect(diffRecords({ lastLoginAt: null }, { lastLoginAt: 'x' })).toEqual({ lastLoginAt: { before: null, after: 'x' } });
  });

  it('redacts secrets on creation, change and deletion, and only when they are present', () => {
    expect(diffRecords(null, { password: 'secret', name: 'A' }, ['password'])).toEqual({
      name: { before: null, after: 'A' },
      password: { before: null, after: '[redacted]' },
    });
    expect(diffRecords({ password: 'secret' }, null, ['password'])).toEqual({ password: { before: '[redacted]', after: null } });
    expect(diffRecords({ password: 'same' }, { password: 'same' }, ['password'])).toEqual({});
    expect(diffRecords(null, { password: '' }, ['password'])).toEqual({});
    expect(JSON.stringify(diffRecords({ password: 'one secret' }, { password: 'two secret' }, ['password']))).not.toMatch(/secret/);
  });

  it('finds nothing between a record and itself or between two empties', () => {
    const record = { id: 1, titleEn: 'T', recipients: [{ country: 'KE', percentage: null }] };
    expect(diffRecords(record, structuredClone(record))).toEqual({});
    expect(diffRecords(null, null)).toEqual({});
    expect(diffRecords({}, {})).toEqual({});
  });
});
