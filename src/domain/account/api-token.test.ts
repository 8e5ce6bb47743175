import { describe, expect, it } from 'vitest';
import { apiTokenInputSchema, tokenActorLabel, tokenExpiry, tokenState, TOKEN_PATTERN } from './api-token.js';

const NOW = '2026-11-28T09:00:00.000Z';

describe('tokenExpiry', () => {
  it('reads a date as its start in UTC and an instant as it is', () => {
    expect(tokenExpiry('2027-03-01', NOW)).toEqual({ at: '2027-03-01T00:00:00.000Z' });
    expect(tokenExpiry('2026-11-29T10:30:00Z', NOW)).toEqual({ at: '2026-11-29T10:30:00.000Z' });
  });

  it('refuses an expiry in the past, now, or more than 365 days ahead', () => {
    expect(tokenExpiry('2026-11-28T09:00:00.000Z', NOW)).toEqual({ problem: 'must be in the future' });
    expect(tokenExpiry('2026-01-01', NOW)).toEqual({ problem: 'must be in the future' });
    expect(tokenExpiry('2027-11-28T09:00:00.000Z', NOW)).toEqual({ at: '2027-11-28T09:00:00.000Z' });
    expect(tokenExpiry('2027-11-28T09:00:00.001Z', NOW)).toEqual({ problem: 'at most 365 days ahead' });
    expect(tokenExpiry('2027-02-30', NOW)).toEqual({ problem: 'not a valid date' });
  });
});

describe('tokenState', () => {
  it('is revoked before expired, expired at the expiry instant', () => {
    expect(tokenState({ expiresAt: NOW, revokedAt: null }, NOW)).toBe('expired');
    expect(tokenState({ expiresAt: '2026-12-01T00:00:00.000Z', revokedAt: null }, NOW)).toBe('active');
    expect(tokenState({ expiresAt: '2026-01-01T00:00:00.000Z', revokedAt: '2025-12-01T00:00:00.000Z' }, NOW)).toBe('revoked');
  });
});

describe('apiTokenInputSchema', () => {
  it('sorts and de-duplicates the scopes and refuses unknown ones and the admin role', () => {
    const input = {
      name: ' planning ',
      orgCode: 'ID-X',
      role: 'agency',
      scopes: ['read', 'programs:write', 'read'],
      expiresAt: '2027-01-01',
    };
    expect(apiTokenInputSchema.parse(input)).toMatchObject({ name: 'planning', scopes: ['programs:write', 'read'] });
    expect(apiTokenInputSchema.safeParse({ ...input, scopes: ['write'] }).success).toBe(false);
    expect(apiTokenInputSchema.safeParse({ ...input, scopes: [] }).success).toBe(false);
    expect(apiTokenInputSchema.safeParse({ ...input, role: 'admin' }).success).toBe(false);
  });
});

describe('TOKEN_PATTERN and tokenActorLabel', () => {
  it('splits the prefix from a secret that may itself contain underscores', () => {
    const token = `mitra_0a1b2c3d_${'_'.repeat(3)}${'x'.repeat(40)}`;
    expect(TOKEN_PATTERN.exec(token)?.[1]).toBe('0a1b2c3d');
    expect(TOKEN_PATTERN.test('mitra_0a1b2c3d_short')).toBe(false);
    expect(tokenActorLabel({ name: 'bappenas', prefix: '0a1b2c3d' })).toBe('token:bappenas (mitra_0a1b2c3d)');
  });
});
