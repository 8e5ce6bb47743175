import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from '../domain/account/second-factor.js';
import { hotp, matchingStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpAt } from './totp.js';

/** The secret of RFC 4226 Appendix D and RFC 6238 Appendix B (SHA-1): ASCII "12345678901234567890". */
const SECRET = new TextEncoder().encode('12345678901234567890');

describe('hotp', () => {
  it('gives the values of RFC 4226 Appendix D for counters 0 to 9', () => {
    expect(Array.from({ length: 10 }, (_, c) => hotp(SECRET, c))).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ]);
  });
});

describe('totpAt', () => {
  it('gives the SHA-1 values of RFC 6238 Appendix B (8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect([seconds, totpAt(SECRET, seconds * 1000, 8)]).toEqual([seconds, code]);
  });

  it('gives the last 6 digits of those values at the default length', () => {
    expect(totpAt(SECRET, 59_000)).toBe('287082');
    expect(totpAt(SECRET, 1111111109_000)).toBe('081804');
  });
});

describe('matchingStep', () => {
  const now = 1234567890_000;
  const step = Math.floor(1234567890 / 30);

  it('accepts the code of the step before, now and after, not two steps away', () => {
    expect(matchingStep(SECRET, totpAt(SECRET, now), now, null)).toBe(step);
    expect(matchingStep(SECRET, totpAt(SECRET, now - 30_000), now, null)).toBe(step - 1);
    expect(matchingStep(SECRET, totpAt(SECRET, now + 30_000), now, null)).toBe(step + 1);
    expect(matchingStep(SECRET, totpAt(SECRET, now - 60_000), now, null)).toBeUndefined();
    expect(matchingStep(SECRET, totpAt(SECRET, now + 60_000), now, null)).toBeUndefined();
    expect(matchingStep(SECRET, '12345', now, null)).toBeUndefined();
  });

  it('refuses the code of a step already used, or of one before it (replay)', () => {
    expect(matchingStep(SECRET, totpAt(SECRET, now), now, step)).toBeUndefined();
    expect(matchingStep(SECRET, totpAt(SECRET, now - 30_000), now, step)).toBeUndefined();
    expect(matchingStep(SECRET, totpAt(SECRET, now + 30_000), now, step)).toBe(step + 1);
  });
});

describe('secrets and recovery codes', () => {
  it('makes 160-bit base32 secrets and ten distinct 16-character recovery codes', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{16}$/);
    expect(recoveryCodeHash(codes[0] ?? '')).toMatch(/^[0-9a-f]{64}$/);
    expect(base32Encode(base32Decode(secret) ?? new Uint8Array())).toBe(secret);
  });
});
