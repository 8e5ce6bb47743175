import { describe, expect, it } from 'vitest';
import { matchQueryOf, NO_FACTS, rankMatches, recencyPoints, scoreFacts, type Candidate, type MatchFacts } from './matching.js';

/** Fiji asks for training in disaster risk reduction (DAC 43060), received in 2026. */
const FIJI = { country: 'FJ', flagshipArea: 'DEV-DRM', sectorCode: '43060', modality: 'training', receivedOn: '2026-03-02' } as const;
const q = matchQueryOf(FIJI);

const facts = (f: Partial<MatchFacts>): MatchFacts => ({ ...NO_FACTS, ...f });
const cand = (sortKey: string, f: Partial<MatchFacts>): Candidate & { name: string } => ({ name: sortKey, sortKey, facts: facts(f) });

describe('matchQueryOf', () => {
  it('takes the region, the sector category and the year of the request', () => {
    expect(q).toEqual({
      country: 'FJ',
      region: 'oceania',
      flagshipArea: 'DEV-DRM',
      sectorCode: '43060',
      sectorCategory: '430',
      modality: 'training',
      referenceYear: 2026,
    });
    expect(matchQueryOf({ ...FIJI, country: 'PS', sectorCode: null }).region).toBe('asia');
  });
});

describe('recencyPoints', () => {
  it('gives 10 for this year or later, 2 less per year before, none from five years back', () => {
    expect([2027, 2026, 2025, 2024, 2022, 2021, 2016, null].map((y) => recencyPoints(y, 2026))).toEqual([10, 10, 8, 6, 2, 0, 0, 0]);
  });
});

describe('scoreFacts', () => {
  it('adds the points of every reason, counting at most three programs each', () => {
    // area 4 programs → 3 × 10 = 30; sector 1 → 10; category only 1 → 5; Fiji 2 → 16;
    // Oceania (not Fiji) 1 → 3; training 5 → 3 × 4 = 12; latest 2025 → 10 − 2 = 8. Total 84.
    const s = scoreFacts(
      q,
      facts({
        areaPrograms: 4,
        sectorPrograms: 1,
        sectorCategoryPrograms: 1,
        countryPrograms: 2,
        regionPrograms: 1,
        modalityPrograms: 5,
        latestYear: 2025,
      }),
    );
    expect(s.score).toBe(84);
    expect(s.reasons).toEqual([
      { code: 'same_area', area: 'DEV-DRM', programs: 4, points: 30 },
      { code: 'same_sector', sector: '43060', programs: 1, points: 10 },
      { code: 'same_sector_category', category: '430', programs: 1, points: 5 },
      { code: 'country_experience', country: 'FJ', programs: 2, points: 16 },
      { code: 'region_experience', region: 'oceania', programs: 1, points: 3 },
      { code: 'same_modality', modality: 'training', programs: 5, points: 12 },
      { code: 'recent', year: 2025, points: 8 },
    ]);
  });

  it('gives no reason for a feature the request does not name', () => {
    const open = matchQueryOf({ ...FIJI, flagshipArea: null, sectorCode: null, modality: null });
    const s = scoreFacts(open, facts({ areaPrograms: 2, sectorPrograms: 2, modalityPrograms: 2, countryPrograms: 1, latestYear: 2015 }));
    expect(s).toEqual({ score: 8, reasons: [{ code: 'country_experience', country: 'FJ', programs: 1, points: 8 }] });
  });
});

describe('rankMatches', () => {
  it('ranks by score, then the latest year, then the key, and leaves out those without the subject', () => {
    const agencies = [
      // 10 + 8 + 4 = 22
      cand('ID-KEMLU', { areaPrograms: 1, countryPrograms: 1, modalityPrograms: 1, latestYear: 2018 }),
      // 3 × 10 + 3 × 3 + 0 (2017: nine years back) = 39
      cand('ID-BNPB', { areaPrograms: 3, regionPrograms: 5, latestYear: 2017 }),
      // category only: 5 + 8 = 13, and 2024: 6 → 19
      cand('ID-PUPR', { sectorCategoryPrograms: 1, countryPrograms: 1, latestYear: 2024 }),
      // Fiji experience but no disaster work: left out.
      cand('ID-KEMENKES', { countryPrograms: 3, modalityPrograms: 3, latestYear: 2025 }),
      // 10 + 8 + 4 = 22 like KEMLU, but more recent (2019 vs 2018): before it.
      cand('ID-KEMENSOS', { areaPrograms: 1, countryPrograms: 1, modalityPrograms: 1, latestYear: 2019 }),
      // 22, same year as KEMLU: after it by code.
      cand('ID-KKP', { areaPrograms: 1, countryPrograms: 1, modalityPrograms: 1, latestYear: 2018 }),
    ];
    const ranked = rankMatches(FIJI, { agencies, programs: [], alumni: [] });
    expect(ranked.agencies.map((r) => [r.candidate.name, r.score])).toEqual([
      ['ID-BNPB', 39],
      ['ID-KEMENSOS', 22],
      ['ID-KEMLU', 22],
      ['ID-KKP', 22],
      ['ID-PUPR', 19],
    ]);
    expect(ranked.agencies[4]?.reasons.map((r) => r.code)).toEqual(['same_sector_category', 'country_experience', 'recent']);
  });

  it('ranks every candidate of a request without a subject, and keeps at most the limit', () => {
    const open = { ...FIJI, flagshipArea: null, sectorCode: null };
    const alumni = Array.from({ length: 12 }, (_, i) =>
      cand(`email:a${String(i).padStart(2, '0')}@fj`, { modalityPrograms: i % 2, latestYear: 2020 }),
    );
    const ranked = rankMatches(open, { agencies: [], programs: [], alumni }, 10);
    expect(ranked.alumni).toHaveLength(10);
    // Odd ones took part in a training (4 points) and come first; then by key.
    expect(ranked.alumni.slice(0, 7).map((r) => [r.candidate.name, r.score])).toEqual([
      ['email:a01@fj', 4],
      ['email:a03@fj', 4],
      ['email:a05@fj', 4],
      ['email:a07@fj', 4],
      ['email:a09@fj', 4],
      ['email:a11@fj', 4],
      ['email:a00@fj', 0],
    ]);
  });
});
