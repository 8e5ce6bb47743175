import { describe, expect, it } from 'vitest';
import { convertSpending, rankRecipients } from './summary.js';

describe('rankRecipients', () => {
  it('ranks by programs, then participants, then name, sharing ranks on ties', () => {
    const rows = rankRecipients(
      [
        { country: 'TZ', programs: 2 },
        { country: 'KE', programs: 2 },
        { country: 'PG', programs: 3 },
        { country: 'FJ', programs: 1 },
      ],
      [
        { country: 'TZ', participants: 6 },
        { country: 'KE', participants: 6 },
        { country: 'PG', participants: 47 },
        { country: null, participants: 99 },
      ],
    );
    expect(rows.map((r) => [r.rank, r.country, r.participants])).toEqual([
      [1, 'PG', 47],
      [2, 'KE', 6],
      [2, 'TZ', 6],
      [4, 'FJ', 0],
    ]);
    expect(rows[0]).toMatchObject({ nameEn: 'Papua New Guinea', nameId: 'Papua Nugini', region: 'oceania' });
  });
});

describe('convertSpending', () => {
  const group = (currency: string, amountMinor: number, currencyRate: number | null, idrRate: number | null) => ({
    currency,
    amountMinor,
    currencyRate,
    idrRate,
    transactions: 1,
    firstDate: '2018-01-01',
    lastDate: '2018-12-31',
  });

  it('converts each group at its own rates and keeps IDR and USD amounts exact', () => {
    const s = convertSpending([
      group('IDR', 547_200_000_000, 14_236.94, 14_236.94),
      group('USD', 100_000, null, 14_000),
      group('JPY', 11_042_000, 110.42, 14_000),
    ]);
    // 5,472,000,000 / 14,236.94 = 384,352.255… → 384,352.26; 1,000.00; 110,420 / 110.42 = 1,000.00
    expect(s.usdMinor).toBe(38_435_226 + 100_000 + 100_000);
    // IDR exact + 1,000 × 14,000 + 1,000 × 14,000
    expect(s.idrMinor).toBe(547_200_000_000 + 1_400_000_000 + 1_400_000_000);
    expect(s.missingRates).toEqual([]);
  });

  it('lists what it cannot convert, per currency, with what is missing', () => {
    const s = convertSpending([group('XOF', 65_595_700, null, 14_000), group('EUR', 1_000, 0.9, null), group('EUR', 2_000, null, null)]);
    expect(s.usdMinor).toBe(1_111);
    expect(s.idrMinor).toBe(0);
    expect(s.missingRates).toEqual([
      { currency: 'EUR', transactions: 2, amountMinor: 3_000, firstDate: '2018-01-01', lastDate: '2018-12-31', missing: ['idr', 'usd'] },
      {
        currency: 'XOF',
        transactions: 1,
        amountMinor: 65_595_700,
        firstDate: '2018-01-01',
        lastDate: '2018-12-31',
        missing: ['idr', 'usd'],
      },
    ]);
    expect(s.byCurrency).toEqual([
      { currency: 'EUR', amountMinor: 3_000, transactions: 2 },
      { currency: 'XOF', amountMinor: 65_595_700, transactions: 1 },
    ]);
  });
});
