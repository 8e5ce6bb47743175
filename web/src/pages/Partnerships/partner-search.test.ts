import { describe, expect, it } from 'vitest';
import { partnerListParams } from './partner-search.js';

describe('partnerListParams', () => {
  it('keeps text, a known country and the years', () => {
    expect(partnerListParams({ q: '  JICA ', country: 'mx', since: '2015', upTo: '2019' })).toEqual({
      q: 'JICA',
      country: 'MX',
      since: 2015,
      upTo: 2019,
    });
  });

  it('puts reversed years in order', () => {
    expect(partnerListParams({ since: '2020', upTo: '2012' })).toEqual({ since: 2012, upTo: 2020 });
  });

  it('drops unknown countries, impossible years and blank text', () => {
    expect(partnerListParams({ q: '   ', country: 'ZZ', since: '1800', upTo: '20x9' })).toEqual({});
  });
});
