import { describe, expect, it } from 'vitest';
import { countriesInRegion, countryName, getCountry, listCountries, regionOf, resolveCountry } from './countries.js';

const iso2 = (input: string) => {
  const r = resolveCountry(input);
  return r.ok ? r.country.iso2 : undefined;
};

describe('resolveCountry', () => {
  it.each([
    ['PG', 'PG'],
    ['png', 'PG'],
    ['598', 'PG'],
    ['Papua New Guinea', 'PG'],
    ['Papua Nugini', 'PG'],
    ['Timor Leste', 'TL'],
    ['Timor-Leste', 'TL'],
    ['timor-leste', 'TL'],
    ['East Timor', 'TL'],
    ['TIMOR   LESTE', 'TL'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['Palestine', 'PS'],
    ['State of Palestine', 'PS'],
    ['Palestina', 'PS'],
    ['Yordania', 'JO'],
    ['Kepulauan Solomon', 'SB'],
    ['Solomon Islands', 'SB'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote dIvoire', 'CI'],
    ['Pantai Gading', 'CI'],
    ['St. Lucia', 'LC'],
    ['Saint Lucia', 'LC'],
    ['Tiongkok', 'CN'],
    ['Republik Demokratik Rakyat Laos', 'LA'],
    ['Lao PDR', 'LA'],
    ['Congo', 'CG'],
    ['DR Congo', 'CD'],
    ['Mesir', 'EG'],
    ['Afganistan', 'AF'],
    ['Fiji', 'FJ'],
    ['Samoa', 'WS'],
    ['American Samoa', 'AS'],
    ['AS', 'AS'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Eswatini', 'SZ'],
    ['Swaziland', 'SZ'],
    ['Federasi Mikronesia', 'FM'],
  ])('reads %s as %s', (input, expected) => {
    expect(iso2(input)).toBe(expected);
  });

  it('refuses an unknown name and suggests the closest matches', () => {
    const r = resolveCountry('Papua Nugine');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('unknown');
      expect(r.suggestions[0]?.iso2).toBe('PG');
    }
  });

  it('suggests by prefix when a name is cut short', () => {
    const r = resolveCountry('Papua');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions.map((c) => c.iso2)).toContain('PG');
  });

  it('refuses an empty input', () => {
    const r = resolveCountry('  ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('empty');
  });

  it('does not read a two-letter word as a code when it is not one', () => {
    expect(resolveCountry('ZZ').ok).toBe(false);
  });
});

describe('country reference table', () => {
  it('has every ISO 3166-1 country plus Kosovo, with English and Indonesian names', () => {
    const all = listCountries();
    expect(all).toHaveLength(250);
    expect(
      all.every((c) => c.nameEn && c.nameId && /^[A-Z]{2}$/.test(c.iso2) && /^[A-Z]{3}$/.test(c.iso3) && /^\d{3}$/.test(c.numeric)),
    ).toBe(true);
    expect(new Set(all.map((c) => c.iso2)).size).toBe(250);
  });

  it('puts Western Asia in Asia, Papua New Guinea in Oceania and Timor-Leste in Asia (DOMAIN.md)', () => {
    expect(regionOf('PS')).toBe('asia');
    expect(regionOf('JO')).toBe('asia');
    expect(regionOf('AF')).toBe('asia');
    expect(regionOf('PG')).toBe('oceania');
    expect(regionOf('FJ')).toBe('oceania');
    expect(regionOf('TL')).toBe('asia');
    expect(regionOf('BZ')).toBe('americas');
    expect(regionOf('UA')).toBe('europe');
    expect(regionOf('GM')).toBe('africa');
    expect(regionOf('AQ')).toBeNull();
  });

  it('names countries in both languages, with the corrected Indonesian spellings', () => {
    expect(countryName('PG', 'id')).toBe('Papua Nugini');
    expect(countryName('PG', 'en')).toBe('Papua New Guinea');
    expect(countryName('GT', 'id')).toBe('Guatemala');
    expect(getCountry('pg')?.iso3).toBe('PNG');
  });

  it('lists the countries of a region', () => {
    const oceania = countriesInRegion('oceania');
    expect(oceania).toContain('TV');
    expect(oceania).not.toContain('TL');
  });
});
