import { describe, expect, it } from 'vitest';
import { formatMinor, parseAmountToMinor } from './money.js';

describe('money', () => {
  it.each([
    ['1250000', 125000000],
    ['1250000.5', 125000050],
    ['1250000.05', 125000005],
    ['0.10', 10],
    [' 42 ', 4200],
    [1250000.5, 125000050],
    [0.1, 10],
  ] as const)('parses %s exactly', (input, minor) => {
    expect(parseAmountToMinor(input)).toBe(minor);
  });

  it.each(['1,250,000', '1.234', 'abc', '', '1e6', '0x10', '10000000000000'])('refuses %s', (input) => {
    expect(parseAmountToMinor(input)).toBeUndefined();
  });

  it('refuses numbers with more than two decimals instead of rounding', () => {
    expect(parseAmountToMinor(0.125)).toBeUndefined();
  });

  it('formats hundredths with two decimals', () => {
    expect(formatMinor(125000050)).toBe('1250000.50');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(-150)).toBe('-1.50');
  });
});
