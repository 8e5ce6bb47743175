import { describe, expect, it } from 'vitest';
import { AGREEMENT_PAGE_SIZE, agreementListParams } from './agreement-search.js';

describe('agreementListParams', () => {
  it('keeps known codes, a country, the expiry window and the page', () => {
    expect(
      agreementListParams({
        status: 'signed,in_force,bogus,signed',
        kind: 'mou',
        area: 'DEV-DRM',
        country: 'fj',
        partner: ' JICA ',
        expiringWithin: '90',
        q: ' health ',
        page: '3',
      }),
    ).toMatchObject({
      status: 'signed,in_force',
      kind: 'mou',
      area: 'DEV-DRM',
      country: 'FJ',
      partner: 'JICA',
      expiringWithin: 90,
      q: 'health',
      page: 3,
      pageSize: AGREEMENT_PAGE_SIZE,
    });
  });

  it('starts at the first page and drops what the API would refuse', () => {
    expect(agreementListParams({ status: 'maybe', kind: 'treaty', area: 'space', country: 'ZZ', expiringWithin: '-5', page: 'x' })).toEqual(
      { page: 1, pageSize: AGREEMENT_PAGE_SIZE },
    );
  });
});
