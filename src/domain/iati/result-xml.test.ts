import { describe, expect, it } from 'vitest';
import { frameworkInputSchema, withIds } from '../results/framework.js';
import { attendanceActuals, resultNodes } from './result-xml.js';
import type { XmlNode } from './xml-node.js';

const names = (n: XmlNode | undefined) => (n?.children ?? []).filter((c): c is XmlNode => !!c).map((c) => c.name);
const kids = (n: XmlNode | undefined, name: string) => (n?.children ?? []).filter((c): c is XmlNode => !!c && c.name === name);

const framework = withIds(
  frameworkInputSchema.parse({
    results: [
      { type: '9', titleEn: 'No indicator yet' },
      {
        type: '1',
        titleEn: 'Officers trained',
        descriptionEn: 'Why',
        indicators: [
          {
            measure: '1',
            titleEn: 'Officers',
            baseline: { year: 2017, value: 0, commentEn: 'None before' },
            periods: [
              { start: '2019-01-01', end: '2019-12-31', target: { value: 25 } },
              {
                start: '2018-01-01',
                end: '2018-12-31',
                target: { value: 20 },
                actual: {
                  value: 18,
                  commentEn: 'Two left',
                  disaggregations: [{ dimension: 'sex', value: 'female', amount: 9 }],
                  documents: [{ url: 'https://example.org/a.pdf', format: 'application/pdf', titleEn: 'A' }],
                },
              },
            ],
          },
          {
            measure: '5',
            titleEn: 'Supply',
            baseline: { year: 2018, value: null },
            periods: [{ start: '2019-01-01', end: '2019-12-31', actual: { commentEn: 'Steadier' } }],
          },
        ],
      },
    ],
  }),
  1,
);

describe('resultNodes', () => {
  it('leaves out a result without an indicator (the schema requires one)', () => {
    expect(resultNodes(framework)).toHaveLength(1);
  });
  it('writes the elements in the schema order, periods by start, total first then one actual per group', () => {
    const [result] = resultNodes(framework);
    expect(result?.attrs).toEqual({ type: '1', 'aggregation-status': 0 });
    expect(names(result)).toEqual(['title', 'description', 'indicator', 'indicator']);
    const [unit, qualitative] = kids(result, 'indicator');
    expect(names(unit)).toEqual(['title', 'baseline', 'period', 'period']);
    const [first] = kids(unit, 'period');
    expect(kids(first, 'period-start')[0]?.attrs).toEqual({ 'iso-date': '2018-01-01' });
    expect(names(first)).toEqual(['period-start', 'period-end', 'target', 'actual', 'actual']);
    const [total, female] = kids(first, 'actual');
    expect(total?.attrs).toEqual({ value: '18' });
    expect(names(total)).toEqual(['comment', 'document-link']);
    expect(names(kids(total, 'document-link')[0])).toEqual(['title', 'category']);
    expect(female?.attrs).toEqual({ value: '9' });
    expect(kids(female, 'dimension')[0]?.attrs).toEqual({ name: 'sex', value: 'female' });
    // A qualitative indicator carries no values (IATI 8.8.3, 8.10.3).
    expect(kids(qualitative, 'baseline')[0]?.attrs?.value).toBeNull();
    expect(kids(kids(qualitative, 'period')[0], 'actual')[0]?.attrs?.value).toBeNull();
  });
});

describe('attendanceActuals', () => {
  it('gives one actual per sex and recipient country attended, unknown sex left out', () => {
    const nodes = attendanceActuals({ records: 5, attended: 4, attendedBySex: { F: 2, M: 1, X: 1 }, attendedByCountry: { TZ: 3, KE: 1 } });
    expect(nodes.map((n) => [n.attrs?.value, kids(n, 'dimension')[0]?.attrs?.value])).toEqual([
      [2, 'female'],
      [1, 'male'],
      [1, 'KE'],
      [3, 'TZ'],
    ]);
  });
});
