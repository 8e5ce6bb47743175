import { describe, expect, it } from 'vitest';
import { selectWithinQuotas } from './selection.js';
import { isOpenForNominations, checkOfferQuotas, canMoveOffer } from './offer.js';

const c = (id: number, country: string) => ({ id, country });

describe('selectWithinQuotas', () => {
  it('fills each country to its quota exactly, in the given order, and ranks the rest as reserves', () => {
    const r = selectWithinQuotas([c(1, 'KE'), c(2, 'KE'), c(3, 'TZ'), c(4, 'KE'), c(5, 'TZ')], {
      byCountry: { KE: 2, TZ: 1 },
      quotaDefault: null,
      quotaTotal: null,
    });
    expect(r).toEqual({
      selected: [1, 2, 3],
      reserves: [
        { id: 4, rank: 1 },
        { id: 5, rank: 2 },
      ],
      notSelected: [],
    });
  });

  it('makes candidates of a country with quota 0 not selected, and the default applies to countries without a quota', () => {
    const r = selectWithinQuotas([c(1, 'TZ'), c(2, 'UG'), c(3, 'UG'), c(4, 'KE')], {
      byCountry: new Map([['TZ', 0]]),
      quotaDefault: 1,
      quotaTotal: null,
    });
    expect(r).toEqual({ selected: [2, 4], reserves: [{ id: 3, rank: 1 }], notSelected: [1] });
  });

  it('stops at the total when it is smaller than the sum of the country quotas', () => {
    const r = selectWithinQuotas([c(1, 'KE'), c(2, 'TZ'), c(3, 'KE'), c(4, 'TZ')], {
      byCountry: { KE: 5, TZ: 5 },
      quotaDefault: null,
      quotaTotal: 3,
    });
    expect(r.selected).toEqual([1, 2, 3]);
    expect(r.reserves).toEqual([{ id: 4, rank: 1 }]);
  });

  it('counts places already held', () => {
    const r = selectWithinQuotas(
      [c(1, 'KE'), c(2, 'TZ')],
      { byCountry: { KE: 2, TZ: 2 }, quotaDefault: null, quotaTotal: 3 },
      { holders: { KE: 2 } },
    );
    expect(r).toEqual({ selected: [2], reserves: [{ id: 1, rank: 1 }], notSelected: [] });
  });

  it('keeps the given order for ties and for an unlimited offer selects everyone', () => {
    expect(selectWithinQuotas([c(9, 'KE'), c(3, 'KE')], { byCountry: {}, quotaDefault: 1, quotaTotal: null }).selected).toEqual([9]);
    expect(selectWithinQuotas([c(1, 'KE'), c(2, 'KE')], { byCountry: {}, quotaDefault: null, quotaTotal: null }).selected).toEqual([1, 2]);
  });

  it('limits the reserves and continues the ranks', () => {
    const r = selectWithinQuotas(
      [c(1, 'KE'), c(2, 'KE'), c(3, 'KE'), c(4, 'KE')],
      { byCountry: {}, quotaDefault: 1, quotaTotal: null },
      { maxReserves: 2, firstRank: 4 },
    );
    expect(r).toEqual({
      selected: [1],
      reserves: [
        { id: 2, rank: 5 },
        { id: 3, rank: 6 },
      ],
      notSelected: [4],
    });
  });

  it('selects no one when the total is 0', () => {
    expect(selectWithinQuotas([c(1, 'KE')], { byCountry: {}, quotaDefault: null, quotaTotal: 0 })).toEqual({
      selected: [],
      reserves: [],
      notSelected: [1],
    });
  });
});

describe('offers', () => {
  it('takes nominations while open and strictly before the deadline', () => {
    const offer = { status: 'open' as const, deadlineAt: '2026-12-01T00:00:00.000Z' };
    expect(isOpenForNominations(offer, '2026-11-30T23:59:59.999Z')).toBe(true);
    expect(isOpenForNominations(offer, '2026-12-01T00:00:00.000Z')).toBe(false);
    expect(isOpenForNominations({ ...offer, status: 'closed' }, '2026-11-01T00:00:00.000Z')).toBe(false);
  });

  it('allows quotas for recipient countries only, once each', () => {
    expect(
      checkOfferQuotas(
        [
          { country: 'KE', quota: 1 },
          { country: 'KE', quota: 2 },
          { country: 'PS', quota: 1 },
        ],
        ['KE'],
      ).map((i) => [i.path, i.code]),
    ).toEqual([
      ['quotas.1.country', 'duplicate'],
      ['quotas.2.country', 'not_a_recipient'],
    ]);
  });

  it('moves draft → open → closed → open, never back to draft', () => {
    expect(canMoveOffer('draft', 'open')).toBe(true);
    expect(canMoveOffer('closed', 'open')).toBe(true);
    expect(canMoveOffer('open', 'draft')).toBe(false);
    expect(canMoveOffer('draft', 'closed')).toBe(false);
  });
});
