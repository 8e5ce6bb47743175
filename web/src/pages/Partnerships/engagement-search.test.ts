import { describe, expect, it } from 'vitest';
import { engagementFilter, engagementListParams, followUpFilter, followUpListParams, pageCount, pageOf } from './engagement-search.js';

describe('the engagement list filters', () => {
  it('turns the URL into the API query, with the page', () => {
    expect(
      engagementListParams({
        q: 'dengue',
        kind: 'visit',
        partner: 'AMEXCID',
        country: 'mx',
        from: '2017-01-01',
        to: '2017-12-31',
        page: '2',
      }),
    ).toEqual({
      q: 'dengue',
      kind: 'visit',
      partner: 'AMEXCID',
      country: 'MX',
      from: '2017-01-01',
      to: '2017-12-31',
      page: 2,
      pageSize: 25,
    });
  });

  it('leaves out what the API would refuse when a link was edited by hand', () => {
    expect(engagementFilter({ kind: 'party', country: 'XX', from: '2017-02-30', to: 'soon' })).toEqual({});
    expect(engagementListParams({ page: '0' }).page).toBe(1);
    expect(pageOf('2.5')).toBe(1);
    expect(pageOf(undefined)).toBe(1);
  });
});

describe('the follow-up list filters', () => {
  it('keeps a known status, "overdue" only when true, and the owner', () => {
    expect(followUpListParams({ status: 'open', overdue: 'true', owner: 'ID-BNPB', page: '3' })).toEqual({
      status: 'open',
      overdue: 'true',
      owner: 'ID-BNPB',
      page: 3,
      pageSize: 50,
    });
    expect(followUpFilter({ status: 'later', overdue: 'false' })).toEqual({});
  });

  it('counts at least one page', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});
