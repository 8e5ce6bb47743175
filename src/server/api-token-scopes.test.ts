import { describe, expect, it } from 'vitest';
import { requiredScope } from './api-token-scopes.js';

describe('requiredScope', () => {
  it('needs read for reads and keeps accounts, tokens and sessions from every token', () => {
    expect(requiredScope('GET', '/api/v1/activities/:id')).toBe('read');
    expect(requiredScope('HEAD', '/api/v1/reports/annual')).toBe('read');
    expect(requiredScope('GET', '/api/v1/users')).toBe('never');
    expect(requiredScope('POST', '/api/v1/api-tokens/:id/revoke')).toBe('never');
    expect(requiredScope('POST', '/api/v1/auth/password')).toBe('never');
    expect(requiredScope('GET', '/api/v1/auth/session')).toBe('never');
  });

  it('maps a sub-resource of a program to its own capability before the program itself', () => {
    expect(requiredScope('PATCH', '/api/v1/activities/:id')).toBe('programs:write');
    expect(requiredScope('POST', '/api/v1/activities/:id/transitions')).toBe('programs:write');
    expect(requiredScope('POST', '/api/v1/activities/:id/participants')).toBe('participants:write');
    expect(requiredScope('PUT', '/api/v1/activities/:id/results/:resultId/indicators/:indicatorId')).toBe('results:write');
    expect(requiredScope('PUT', '/api/v1/activities/:id/attendance')).toBe('attendance:write');
    expect(requiredScope('PUT', '/api/v1/activities/:id/offer')).toBe('offers:write');
    expect(requiredScope('POST', '/api/v1/participants/:id/erase')).toBe('alumni:write');
    expect(requiredScope('POST', '/api/v1/imports/:kind')).toBe('imports:write');
  });

  it('leaves a write route no group names unmapped (refused to tokens)', () => {
    expect(requiredScope('POST', '/api/v1/something-new')).toBe('unmapped');
    expect(requiredScope('POST', '/api/v1/activitiesque')).toBe('unmapped');
  });
});
