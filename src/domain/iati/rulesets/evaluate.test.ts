import { describe, expect, it } from 'vitest';
import { el, type XmlNode } from '../xml-node.js';
import { checkIatiNode, isRegisteredOrgId } from './evaluate.js';

const NOW = '2026-12-07T10:00:00Z';
const narrative = (text: string) => [el('narrative', {}, text)];

/** A small activity that keeps every rule; each test changes one thing. */
function activity(change: { attrs?: XmlNode['attrs']; replace?: Record<string, XmlNode[]>; add?: XmlNode[] } = {}): XmlNode {
  const parts: Record<string, XmlNode[]> = {
    'iati-identifier': [el('iati-identifier', {}, 'XM-DAC-41114-PRJ-1')],
    'reporting-org': [el('reporting-org', { ref: 'XM-DAC-41114', type: 40 }, narrative('UNDP'))],
    title: [el('title', {}, narrative('Training'))],
    description: [el('description', { type: 1 }, narrative('A training'))],
    'participating-org': [el('participating-org', { ref: 'XM-DAC-41114', role: 1 }, narrative('UNDP'))],
    'activity-status': [el('activity-status', { code: 2 })],
    'activity-date': [
      el('activity-date', { type: 1, 'iso-date': '2025-01-01' }),
      el('activity-date', { type: 3, 'iso-date': '2025-06-30' }),
    ],
    'recipient-country': [el('recipient-country', { code: 'KE' })],
    sector: [el('sector', { vocabulary: 1, code: '11110' })],
    'default-aid-type': [el('default-aid-type', { code: 'D02', vocabulary: 1 })],
    budget: [
      el('budget', { type: 1, status: 1 }, [
        el('period-start', { 'iso-date': '2025-01-01' }),
        el('period-end', { 'iso-date': '2025-12-31' }),
        el('value', { 'value-date': '2025-01-01' }, '1000'),
      ]),
    ],
    ...change.replace,
  };
  return el(
    'iati-activity',
    { 'last-updated-datetime': '2026-01-01T00:00:00Z', 'xml:lang': 'en', 'default-currency': 'USD', ...change.attrs },
    [...Object.values(parts).flat(), ...(change.add ?? [])],
  );
}

const ids = (node: XmlNode) => checkIatiNode(node, NOW).map((f) => f.ruleId);
const finding = (node: XmlNode, ruleId: string) => checkIatiNode(node, NOW).find((f) => f.ruleId === ruleId);

describe('IATI ruleset checks', () => {
  it('find nothing on an activity that keeps every rule', () => {
    expect(checkIatiNode(activity(), NOW)).toEqual([]);
  });

  it('unique: the activity identifier must differ from the reporting organisation (1.1.3)', () => {
    expect(ids(activity({ replace: { 'iati-identifier': [el('iati-identifier', {}, 'XM-DAC-41114')] } }))).toContain('1.1.3');
  });

  it('startswith: the identifier begins with the reporting organisation and a hyphen (1.1.21)', () => {
    const f = finding(activity({ replace: { 'iati-identifier': [el('iati-identifier', {}, 'PRJ-1')] } }), '1.1.21');
    expect(f).toMatchObject({ severity: 'warning', field: 'iati-identifier', hint: '"PRJ-1" should begin with "XM-DAC-41114-"' });
  });

  it('startswith ORG-ID-PREFIX: the reporting organisation begins with a registered agency code (1.14.8)', () => {
    const node = activity({
      replace: {
        'iati-identifier': [el('iati-identifier', {}, 'NCT-SSTC-1')],
        'reporting-org': [el('reporting-org', { ref: 'NCT-SSTC', type: 10 }, narrative('NCT'))],
      },
    });
    expect(finding(node, '1.14.8')).toMatchObject({ field: 'reporting-org @ref', severity: 'warning' });
    expect(isRegisteredOrgId('ID-KLN-01')).toBe(true);
    expect(isRegisteredOrgId('NCT-SSTC')).toBe(false);
  });

  it('atleast_one: a planned or actual start date (6.11.1)', () => {
    const node = activity({ replace: { 'activity-date': [el('activity-date', { type: 3, 'iso-date': '2025-06-30' })] } });
    expect(finding(node, '6.11.1')).toMatchObject({
      severity: 'error',
      field: 'activity-date',
      hint: 'add activity-date',
    });
  });

  it('one_or_all: a default currency or a currency on every value (7.8.1)', () => {
    expect(ids(activity({ attrs: { 'default-currency': null } }))).toContain('7.8.1');
    const everyValue = activity({
      attrs: { 'default-currency': null },
      replace: {
        budget: [
          el('budget', {}, [
            el('period-start', { 'iso-date': '2025-01-01' }),
            el('period-end', { 'iso-date': '2025-02-01' }),
            el('value', { currency: 'USD' }, '1'),
          ]),
        ],
      },
    });
    expect(ids(everyValue)).not.toContain('7.8.1');
  });

  it('one_or_all of sectors: once a transaction has a sector, every transaction has one (6.7.2)', () => {
    const tx = (sector: boolean) => el('transaction', {}, [el('transaction-type', { code: 2 }), sector && el('sector', { code: '11110' })]);
    const none: Record<string, XmlNode[]> = { sector: [] };
    expect(ids(activity({ replace: none, add: [tx(true), tx(false)] }))).toContain('6.7.2');
    expect(ids(activity({ replace: none, add: [tx(true), tx(true)] }))).not.toContain('6.7.2');
    expect(ids(activity({ replace: none, add: [tx(false)] }))).toEqual(expect.arrayContaining(['6.2.2']));
    expect(ids(activity({ replace: none, add: [tx(false)] }))).not.toContain('6.7.2');
  });

  it('date_order: planned start before planned end, and actual start not after today (11.1.2, 11.1.4)', () => {
    const reversed = activity({
      replace: {
        'activity-date': [
          el('activity-date', { type: 1, 'iso-date': '2025-07-01' }),
          el('activity-date', { type: 3, 'iso-date': '2025-06-30' }),
        ],
      },
    });
    expect(finding(reversed, '11.1.2')).toMatchObject({ hint: '2025-07-01 is after activity-date @iso-date 2025-06-30' });
    const future = activity({
      replace: { 'activity-date': [el('activity-date', { type: 2, 'iso-date': '2027-01-01' })] },
    });
    expect(finding(future, '11.1.4')).toMatchObject({ hint: '2027-01-01 is after today' });
  });

  it('if_then: a single recipient country has no percentage or 100 (3.1.4)', () => {
    expect(ids(activity({ replace: { 'recipient-country': [el('recipient-country', { code: 'KE', percentage: 100 })] } }))).not.toContain(
      '3.1.4',
    );
    expect(ids(activity({ replace: { 'recipient-country': [el('recipient-country', { code: 'KE', percentage: 60 })] } }))).toContain(
      '3.1.4',
    );
  });

  it('regex_matches: an organisation reference without / & | ? unless it is a registered identifier (1.8.13)', () => {
    const org = (ref: string) =>
      activity({ replace: { 'participating-org': [el('participating-org', { ref, role: 4 }, narrative('X'))] } });
    expect(finding(org('MINISTRY/A'), '1.8.13')).toMatchObject({ field: 'participating-org @ref' });
    expect(ids(org('MINISTRY-A'))).not.toContain('1.8.13');
  });

  it('no_spaces: an identifier without spaces (1.3.1)', () => {
    const f = finding(activity({ replace: { 'iati-identifier': [el('iati-identifier', {}, 'XM-DAC-41114-PRJ 1')] } }), '1.3.1');
    expect(f).toMatchObject({ severity: 'warning', field: 'iati-identifier', hint: '"XM-DAC-41114-PRJ 1" contains a space' });
  });

  it('time_limit: a budget period of at most a year (7.5.3), pointing at the budget to fix', () => {
    const budget = (end: string) =>
      el('budget', {}, [el('period-start', { 'iso-date': '2025-01-01' }), el('period-end', { 'iso-date': end }), el('value', {}, '1')]);
    const node = activity({ replace: { budget: [budget('2025-12-31'), budget('2026-06-30')] } });
    expect(checkIatiNode(node, NOW).filter((f) => f.ruleId === '7.5.3')).toEqual([
      expect.objectContaining({ field: 'budget 2 / period-end @iso-date', hint: '2025-01-01 to 2026-06-30 is 545 days, more than a year' }),
    ]);
  });

  it('no_more_than_one: one default aid type of vocabulary 1 (107.1.2), also per other vocabulary (loop)', () => {
    const two = (vocabulary: number) => [
      el('default-aid-type', { code: 'D02', vocabulary }),
      el('default-aid-type', { code: 'D01', vocabulary }),
    ];
    expect(ids(activity({ replace: { 'default-aid-type': two(1) } }))).toContain('107.1.2');
    expect(
      ids(activity({ replace: { 'default-aid-type': [...two(2).slice(0, 1), el('default-aid-type', { code: 'D02', vocabulary: 1 })] } })),
    ).not.toContain('107.1.2');
  });

  it('date_now: last-updated-datetime not in the future (11.1.1)', () => {
    expect(ids(activity({ attrs: { 'last-updated-datetime': '2026-12-07T09:59:00Z' } }))).not.toContain('11.1.1');
    expect(finding(activity({ attrs: { 'last-updated-datetime': '2026-12-07T11:00:00Z' } }), '11.1.1')).toMatchObject({
      field: '@last-updated-datetime',
    });
  });

  it('strict_sum: sector percentages of vocabulary 1 sum to 100 (2.1.2), and of another vocabulary (loop)', () => {
    const sectors = (vocabulary: number, ...percentages: number[]) =>
      percentages.map((percentage, i) => el('sector', { vocabulary, code: `1111${i}`, percentage }));
    expect(ids(activity({ replace: { sector: sectors(1, 33.33, 33.33, 33.34) } }))).not.toContain('2.1.2');
    expect(finding(activity({ replace: { sector: sectors(1, 33, 33) } }), '2.1.2')).toMatchObject({
      hint: 'the percentages sum to 66, not 100',
    });
    const otherVocabulary = activity({ add: sectors(2, 50, 40) });
    expect(checkIatiNode(otherVocabulary, NOW).filter((f) => f.ruleId === '2.1.2')).toHaveLength(1);
  });

  it('range: percentages between 0 and 100 (12.1.1)', () => {
    const countries = (p: number) => [
      el('recipient-country', { code: 'KE', percentage: p }),
      el('recipient-country', { code: 'TZ', percentage: 100 - p }),
    ];
    expect(ids(activity({ replace: { 'recipient-country': countries(40) } }))).not.toContain('12.1.1');
    expect(finding(activity({ replace: { 'recipient-country': countries(120) } }), '12.1.1')).toMatchObject({
      field: 'recipient-country 1 @percentage',
      hint: '"120" is not between 0 and 100',
    });
  });

  it('between_dates: an organisation budget line dated within its period (11.3.1)', () => {
    const org = (valueDate: string) =>
      el('iati-organisation', { 'last-updated-datetime': '2026-01-01T00:00:00Z', 'xml:lang': 'en', 'default-currency': 'USD' }, [
        el('organisation-identifier', {}, 'XM-DAC-41114'),
        el('reporting-org', { ref: 'XM-DAC-41114', type: 40 }, narrative('UNDP')),
        el('recipient-country-budget', {}, [
          el('recipient-country', { code: 'KE' }),
          el('period-start', { 'iso-date': '2025-01-01' }),
          el('period-end', { 'iso-date': '2025-12-31' }),
          el('value', { 'value-date': '2025-01-01' }, '10'),
          el('budget-line', {}, [el('value', { 'value-date': valueDate }, '5'), el('narrative', {}, 'Line')]),
        ]),
      ]);
    expect(ids(org('2025-03-01'))).not.toContain('11.3.1');
    expect(finding(org('2026-03-01'), '11.3.1')).toMatchObject({ field: 'recipient-country-budget / budget-line / value @value-date' });
  });

  it('reads //title and //description: every one has a narrative with text (4.3.1)', () => {
    expect(finding(activity({ replace: { title: [el('title', {}, [])] } }), '4.3.1')).toMatchObject({
      field: 'title / narrative',
      severity: 'error',
    });
  });

  it('checks codes against the codelists, with their conditions', () => {
    const f = finding(activity({ replace: { 'activity-status': [el('activity-status', { code: 9 })] } }), 'codelist:ActivityStatus');
    expect(f).toMatchObject({ severity: 'error', field: 'activity-status @code', codelist: 'ActivityStatus' });
    // A sector of vocabulary 2 is a SectorCategory code (three digits), not a DAC 5-digit one.
    expect(ids(activity({ add: [el('sector', { vocabulary: 2, code: '111' })] }))).not.toContain('codelist:Sector');
    expect(ids(activity({ add: [el('sector', { vocabulary: 2, code: '11110' })] }))).toContain('codelist:SectorCategory');
    // SDG target 8.10 is not 8.1 (codes are text).
    expect(ids(activity({ add: [el('tag', { vocabulary: 3, code: '8.10' })] }))).not.toContain('codelist:UNSDG-Targets');
  });

  it('lists errors before warnings', () => {
    const node = activity({
      replace: { 'iati-identifier': [el('iati-identifier', {}, 'PRJ 1')], 'activity-status': [el('activity-status', { code: 9 })] },
    });
    const severities = checkIatiNode(node, NOW).map((f) => f.severity);
    expect(severities).toEqual([...severities].sort());
    expect(severities[0]).toBe('error');
  });
});
