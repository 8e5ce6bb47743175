import { afterEach, describe, expect, it } from 'vitest';
import { checkResponse, whenSessionEnds } from './client.js';

describe('checkResponse', () => {
  let ended = 0;
  whenSessionEnds(() => (ended += 1));
  afterEach(() => {
    ended = 0;
  });

  it('ends the session on a 401 from any request but the sign-in', () => {
    checkResponse(new Response(null, { status: 401 }), '/api/v1/activities');
    expect(ended).toBe(1);
  });

  it('leaves the session alone when a sign-in fails (a wrong password is also a 401) or a request succeeds', () => {
    checkResponse(new Response(null, { status: 401 }), '/api/v1/auth/login');
    checkResponse(new Response(null, { status: 200 }), '/api/v1/activities');
    checkResponse(new Response(null, { status: 403 }), '/api/v1/users');
    expect(ended).toBe(0);
  });
});
