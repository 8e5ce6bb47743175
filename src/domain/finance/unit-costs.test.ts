import { describe, expect, it } from 'vitest';
import { sortUnitCosts, unitCostInputSchema, unitCostKey, unitCostOn, type UnitCost } from './unit-costs.js';

const issues = (input: Record<string, unknown>) =>
  unitCostInputSchema
    .safeParse(input)
    .error?.issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code ?? i.code]) ?? [];

describe('unitCostInputSchema', () => {
  it('reads a year as its 1 January and the amount in hundredths', () => {
    expect(
      unitCostInputSchema.parse({ kind: 'participant_day', year: 2031, currency: 'idr', amount: '1500000.50', note: ' SBM 2031 ' }),
    ).toEqual({
      kind: 'participant_day',
      region: null,
      validFrom: '2031-01-01',
      currency: 'IDR',
      amountMinor: 150_000_050,
      note: 'SBM 2031',
    });
    expect(
      unitCostInputSchema.parse({ kind: 'flight', region: 'oceania', validFrom: '2031-06-01', currency: 'USD', amount: 800 }),
    ).toMatchObject({ region: 'oceania', validFrom: '2031-06-01', amountMinor: 80_000 });
  });

  it('refuses amounts that are not positive, unknown kinds, regions and currencies', () => {
    expect(issues({ kind: 'participant_day', year: 2031, currency: 'IDR', amount: '0' })).toEqual([['amount', 'not_positive']]);
    expect(issues({ kind: 'participant_day', year: 2031, currency: 'IDR', amount: '-5' })).toEqual([['amount', 'negative_amount']]);
    expect(issues({ kind: 'taxi', year: 2031, currency: 'IDR', amount: '5' }).map(([p]) => p)).toEqual(['kind']);
    expect(issues({ kind: 'flight', region: 'antarctica', year: 2031, currency: 'IDR', amount: '5' }).map(([p]) => p)).toEqual(['region']);
    expect(issues({ kind: 'expert_day', year: 2031, currency: 'XXY', amount: '5' })).toEqual([['currency', 'unknown_currency']]);
    expect(issues({ kind: 'expert_day', year: 2031, currency: 'USD', amount: '5', extra: 1 }).map(([p]) => p)).toEqual(['']);
  });

  it('asks for a region on flights only, and for a year or a day', () => {
    expect(issues({ kind: 'flight', year: 2031, currency: 'USD', amount: '800' })).toEqual([['region', 'required']]);
    expect(issues({ kind: 'participant_day', region: 'asia', year: 2031, currency: 'USD', amount: '8' })).toEqual([
      ['region', 'unknown_field'],
    ]);
    expect(issues({ kind: 'participant_day', currency: 'USD', amount: '8' })).toEqual([['validFrom', 'required']]);
    expect(issues({ kind: 'participant_day', year: 2031, validFrom: '2030-05-01', currency: 'USD', amount: '8' })).toEqual([
      ['validFrom', 'date_order'],
    ]);
  });
});

describe('unitCostOn', () => {
  const cost = (id: number, kind: UnitCost['kind'], region: UnitCost['region'], validFrom: string): UnitCost => ({
    id,
    kind,
    region,
    validFrom,
    currency: 'IDR',
    amountMinor: id * 100,
    note: null,
    updatedAt: '2031-01-01T00:00:00.000Z',
  });
  const costs = [
    cost(1, 'participant_day', null, '2030-01-01'),
    cost(2, 'participant_day', null, '2031-01-01'),
    cost(3, 'flight', 'asia', '2031-01-01'),
    cost(4, 'flight', 'africa', '2031-01-01'),
  ];

  it('takes the cost in force on the day: the latest one from on or before it', () => {
    expect(unitCostOn(costs, 'participant_day', null, '2030-12-31')?.id).toBe(1);
    expect(unitCostOn(costs, 'participant_day', null, '2031-01-01')?.id).toBe(2);
    expect(unitCostOn(costs, 'flight', 'africa', '2031-05-01')?.id).toBe(4);
  });

  it('finds nothing before the first cost, or for another region: a later cost is never taken', () => {
    expect(unitCostOn(costs, 'participant_day', null, '2029-12-31')).toBeUndefined();
    expect(unitCostOn(costs, 'flight', 'europe', '2031-05-01')).toBeUndefined();
    expect(unitCostOn(costs, 'expert_day', null, '2031-05-01')).toBeUndefined();
  });

  it('names and orders costs by kind, region and day', () => {
    expect(unitCostKey(costs[3] as UnitCost)).toBe('flight/africa@2031-01-01');
    expect(sortUnitCosts([...costs].reverse()).map((c) => c.id)).toEqual([1, 2, 3, 4]);
  });
});
