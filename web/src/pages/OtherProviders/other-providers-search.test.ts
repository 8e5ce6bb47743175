import { describe, expect, it } from 'vitest';
import { compareYears, importedQuery, parseCompareSearch, parseImportedSearch } from './other-providers-search.js';

describe("the other providers' search parameters", () => {
  it('keep the valid filters of a link and drop the rest', () => {
    expect(
      parseImportedSearch({
        publisherId: '3',
        datasetId: 'x',
        country: 'TL',
        year: '1800',
        q: '  clinics ',
        withWarnings: 'true',
        page: '1',
      }),
    ).toEqual({ publisherId: 3, country: 'TL', q: 'clinics', withWarnings: true });
    expect(parseImportedSearch({ country: 'tl', withWarnings: 'yes', page: 4 })).toEqual({ page: 4 });
  });

  it('ask the API for a page of the list, the warnings flag as it spells it', () => {
    expect(importedQuery({ datasetId: 9, withWarnings: true })).toEqual({ datasetId: 9, withWarnings: 'true', page: 1, pageSize: 50 });
    expect(importedQuery({ page: 3 })).toEqual({ page: 3, pageSize: 50 });
  });

  it('compare the ten years up to this one unless told, in order, at most fifty', () => {
    expect(parseCompareSearch({ country: 'FJ', fromYear: '2015', toYear: 'soon' })).toEqual({ country: 'FJ', fromYear: 2015 });
    expect(compareYears({}, 2026)).toEqual({ fromYear: 2017, toYear: 2026 });
    expect(compareYears({ fromYear: 2015 }, 2026)).toEqual({ fromYear: 2015, toYear: 2026 });
    expect(compareYears({ fromYear: 2030, toYear: 2020 }, 2026)).toEqual({ fromYear: 2020, toYear: 2020 });
    expect(compareYears({ fromYear: 1900, toYear: 2020 }, 2026)).toEqual({ fromYear: 1971, toYear: 2020 });
  });
});
