import { describe, expect, it } from 'vitest';
import { InvalidError, InvalidTransitionError } from '../errors.js';
import { checkRequestTransition, nextRequestStatuses, referenceNumber, requestReference } from './request.js';
import { acceptInputSchema, declineInputSchema, requestInputSchema, requestListQuerySchema } from './request.schema.js';

describe('request statuses', () => {
  it('go registered → assessment → accepted, and to declined from either open status', () => {
    expect(nextRequestStatuses('registered')).toEqual(['assessment', 'declined']);
    expect(nextRequestStatuses('assessment')).toEqual(['accepted', 'declined']);
    expect(() => checkRequestTransition('registered', 'assessment', null)).not.toThrow();
    expect(() => checkRequestTransition('registered', 'accepted', null)).toThrow(InvalidTransitionError);
    expect(() => checkRequestTransition('declined', 'assessment', null)).toThrow(/it is closed/);
  });

  it('need a note to decline', () => {
    const error = (() => {
      try {
        checkRequestTransition('assessment', 'declined', null);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues[0]).toMatchObject({ path: 'note', code: 'required' });
    expect(() => checkRequestTransition('assessment', 'declined', 'outside the flagship areas')).not.toThrow();
  });
});

describe('references', () => {
  it('number requests per year with four digits', () => {
    expect(requestReference(2026, 7)).toBe('REQ-2026-0007');
    expect(requestReference(2026, 12345)).toBe('REQ-2026-12345');
    expect(referenceNumber('REQ-2026-0042', 2026)).toBe(42);
    expect(referenceNumber('REQ-2025-0042', 2026)).toBeNull();
    expect(referenceNumber('X-2026-1', 2026)).toBeNull();
  });
});

describe('requestInputSchema', () => {
  const valid = {
    country: 'Fiji',
    topic: '  Community-based disaster risk management  ',
    flagshipArea: 'disaster management',
    sectorCode: '43060',
    modality: 'pelatihan',
    periodFrom: '2027-03-01',
    periodTo: '2027-03-14',
    receivedOn: '2026-02-10',
  };

  it('resolves names and labels to codes', () => {
    expect(requestInputSchema.parse(valid)).toMatchObject({
      country: 'FJ',
      topic: 'Community-based disaster risk management',
      flagshipArea: 'DEV-DRM',
      sectorCode: '43060',
      modality: 'training',
    });
  });

  it('names every bad field', () => {
    const r = requestInputSchema.safeParse({
      country: 'Atlantis',
      topic: 'x'.repeat(301),
      sectorCode: '99999',
      modality: 'dance',
      periodFrom: '2027-03-14',
      periodTo: '2027-03-01',
      receivedOn: '2026-02-30',
      extra: 1,
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.') || (i as { keys?: string[] }).keys?.join(',')).sort();
    expect(paths).toEqual(['country', 'extra', 'modality', 'receivedOn', 'sectorCode', 'topic']);
    const order = requestInputSchema.safeParse({ ...valid, periodFrom: '2027-03-14', periodTo: '2027-03-01' });
    expect(order.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['periodTo', 'must not be before periodFrom (2027-03-14)'],
    ]);
    expect(requestInputSchema.safeParse({ ...valid, topic: '   ' }).error?.issues[0]?.message).toBe('is required');
    expect(requestInputSchema.safeParse({ ...valid, sectorCode: '430' }).error?.issues[0]?.message).toBe(
      '"430" is not a DAC 5-digit sector code',
    );
  });

  it('asks a reason to decline and takes an optional agency to accept', () => {
    expect(declineInputSchema.safeParse({ note: ' ' }).success).toBe(false);
    expect(acceptInputSchema.parse({ implementingOrg: 'ID-BNPB' })).toEqual({ implementingOrg: 'ID-BNPB' });
    expect(acceptInputSchema.safeParse({ identifier: 'has space' }).success).toBe(false);
  });

  it('reads status lists in list queries', () => {
    expect(requestListQuerySchema.parse({ status: 'registered, dalam penilaian', country: 'Timor Leste' })).toMatchObject({
      status: ['registered', 'assessment'],
      country: 'TL',
      page: 1,
      pageSize: 25,
    });
    expect(requestListQuerySchema.safeParse({ status: 'maybe' }).success).toBe(false);
  });
});
