import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  formatRecoveryCode,
  otpauthUri,
  recoveryCodeSchema,
  timeStep,
  totpCodeSchema,
} from './second-factor.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('base32', () => {
  // RFC 4648 §10 test vectors (the padding "=" is left out, as in otpauth URIs).
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];

  it('encodes and decodes the vectors of RFC 4648 §10', () => {
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(bytes(plain))).toBe(encoded);
      expect(text(base32Decode(encoded))).toBe(plain);
    }
  });

  it('decodes with padding, spaces and lower case, and refuses other characters', () => {
    expect(text(base32Decode('mzxw 6ytb oi======'))).toBe('foobar');
    expect(base32Decode('MZXW1')).toBeUndefined();
  });
});

describe('timeStep', () => {
  it('counts 30-second steps from the Unix epoch (RFC 6238 §4.2, T0 = 0)', () => {
    expect(timeStep(59_000)).toBe(1);
    expect(timeStep(1111111109_000)).toBe(0x23523ec);
  });
});

describe('otpauthUri', () => {
  it('names the issuer Mitra and the account, with the secret and the parameters', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'sari@kemenkes.go.id')).toBe(
      'otpauth://totp/Mitra:sari%40kemenkes.go.id?secret=JBSWY3DPEHPK3PXP&issuer=Mitra&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('code schemas', () => {
  it('takes six digits with spaces, nothing else', () => {
    expect(totpCodeSchema.parse(' 123 456 ')).toBe('123456');
    expect(totpCodeSchema.safeParse('12345').success).toBe(false);
    expect(totpCodeSchema.safeParse('12345a').success).toBe(false);
  });

  it('takes a recovery code in any case, with hyphens or spaces', () => {
    expect(recoveryCodeSchema.parse('abcd-efgh ijkl-mnop')).toBe('ABCDEFGHIJKLMNOP');
    expect(recoveryCodeSchema.safeParse('ABCD-EFGH-IJKL-MNO1').success).toBe(false);
    expect(formatRecoveryCode('ABCDEFGHIJKLMNOP')).toBe('ABCD-EFGH-IJKL-MNOP');
  });
});
