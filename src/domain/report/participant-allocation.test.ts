import { describe, expect, it } from 'vitest';
import { allocateParticipants, largestRemainder } from './participant-allocation.js';

const recipients = (...codes: string[]) => codes.map((country) => ({ country, percentage: null }));

describe('largestRemainder', () => {
  it('splits into whole parts that add up to the total', () => {
    expect(largestRemainder(26, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual(Array(13).fill(2));
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(100, [33.33, 33.33, 33.34])).toEqual([33, 33, 34]);
    expect(largestRemainder(7, [50, 50])).toEqual([4, 3]);
    expect(largestRemainder(5, [0, 0])).toEqual([5, 0]);
  });
});

describe('allocateParticipants', () => {
  it('counts records by country when records exist, ignoring the planned total', () => {
    const counts = allocateParticipants({
      recipients: recipients('PS', 'JO'),
      participantsPlanned: 30,
      recordsByCountry: new Map([
        ['PS', 12],
        ['JO', 3],
      ]),
    });
    expect(counts).toEqual([
      { country: 'PS', participants: 12, source: 'records' },
      { country: 'JO', participants: 3, source: 'records' },
    ]);
  });

  it('splits the total equally, or by percentages when all are given', () => {
    expect(
      allocateParticipants({ recipients: recipients('FJ', 'PG', 'SB'), participantsPlanned: 10, recordsByCountry: new Map() }),
    ).toEqual([
      { country: 'FJ', participants: 4, source: 'totals' },
      { country: 'PG', participants: 3, source: 'totals' },
      { country: 'SB', participants: 3, source: 'totals' },
    ]);
    const weighted = allocateParticipants({
      recipients: [
        { country: 'FJ', percentage: 80 },
        { country: 'PG', percentage: 20 },
      ],
      participantsPlanned: 10,
      recordsByCountry: new Map(),
    });
    expect(weighted.map((c) => c.participants)).toEqual([8, 2]);
  });

  it('leaves out countries that get no one, and keeps a total without recipients', () => {
    expect(
      allocateParticipants({ recipients: recipients('FJ', 'PG', 'SB'), participantsPlanned: 2, recordsByCountry: new Map() }),
    ).toHaveLength(2);
    expect(allocateParticipants({ recipients: [], participantsPlanned: 5, recordsByCountry: new Map() })).toEqual([
      { country: null, participants: 5, source: 'totals' },
    ]);
    expect(allocateParticipants({ recipients: recipients('FJ'), participantsPlanned: null, recordsByCountry: new Map() })).toEqual([]);
  });
});
