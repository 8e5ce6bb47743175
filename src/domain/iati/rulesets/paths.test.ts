import { describe, expect, it } from 'vitest';
import { el } from '../xml-node.js';
import { evaluate, toBoolean, type ElementItem } from './evaluate-expr.js';
import { fieldOf, parseXPath, XPathError } from './paths.js';

describe('parseXPath', () => {
  it('parses steps, predicates with or, and a final attribute', () => {
    expect(parseXPath("activity-date[@type='1' or @type='2']/@iso-date")).toEqual({
      k: 'path',
      abs: false,
      steps: [
        {
          axis: 'child',
          name: 'activity-date',
          preds: [
            {
              k: 'op',
              op: 'or',
              l: { k: 'op', op: '=', l: { k: 'path', abs: false, steps: [{ axis: 'attr', name: 'type' }] }, r: { k: 'str', v: '1' } },
              r: { k: 'op', op: '=', l: { k: 'path', abs: false, steps: [{ axis: 'attr', name: 'type' }] }, r: { k: 'str', v: '2' } },
            },
          ],
        },
        { axis: 'attr', name: 'iso-date' },
      ],
    });
  });

  it("parses count(), not(), arithmetic, comparisons and a loop's '$1'", () => {
    expect(parseXPath("count(sector[@vocabulary = '$1']) + count(recipient-country) > 1")).toMatchObject({
      k: 'op',
      op: '>',
      l: { k: 'op', op: '+', l: { k: 'fn', fn: 'count' }, r: { k: 'fn', fn: 'count' } },
      r: { k: 'num', v: 1 },
    });
    expect(parseXPath("sector[@vocabulary = '$1']")).toMatchObject({ steps: [{ preds: [{ r: { k: 'var' } }] }] });
    expect(parseXPath('not(@vocabulary)')).toMatchObject({ k: 'fn', fn: 'not' });
  });

  it('parses absolute and descendant paths, //@attr, text(), .., positions and unions', () => {
    expect(parseXPath('/iati-activities/iati-activity')).toMatchObject({
      abs: true,
      steps: [{ name: 'iati-activities' }, { name: 'iati-activity' }],
    });
    expect(parseXPath('//title')).toMatchObject({ abs: true, steps: [{ axis: 'desc', name: 'title' }] });
    expect(parseXPath('//@xml:lang')).toMatchObject({
      steps: [
        { axis: 'desc', name: '*' },
        { axis: 'attr', name: 'xml:lang' },
      ],
    });
    expect(parseXPath('narrative/text()')).toMatchObject({ steps: [{ name: 'narrative' }, { axis: 'text' }] });
    expect(parseXPath('../reference[1]')).toMatchObject({
      steps: [{ axis: 'parent' }, { name: 'reference', preds: [{ k: 'num', v: 1 }] }],
    });
    expect(parseXPath('a/b | c')).toMatchObject({ k: 'union', of: [{ k: 'path' }, { k: 'path' }] });
  });

  it('says what it cannot parse, naming the XPath', () => {
    expect(() => parseXPath("sector[@code='1'")).toThrow(XPathError);
    expect(() => parseXPath('a ~ b')).toThrow(/cannot parse XPath "a ~ b": unexpected "~"/);
    expect(() => parseXPath("@code = 'open")).toThrow(/unterminated string/);
  });

  it('names a path as a field for messages', () => {
    expect(fieldOf(parseXPath("budget[@type='1']/period-end/@iso-date"))).toBe('budget / period-end @iso-date');
  });
});

describe('XPath evaluation on an XmlNode', () => {
  const activity = el('iati-activity', { 'default-currency': 'USD' }, [
    el('sector', { vocabulary: 1, code: '11110', percentage: 60 }),
    el('sector', { vocabulary: 1, code: '11120', percentage: 40 }),
    el('sector', { vocabulary: 2, code: '111' }),
    el('title', {}, [el('narrative', {}, 'A title')]),
  ]);
  const root: ElementItem = { node: activity, parent: null };
  const truth = (xpath: string, variable = '') => toBoolean(evaluate(parseXPath(xpath), root, variable));

  it('compares node-sets as XPath 1.0 does (any member) and counts', () => {
    expect(truth("count(sector[@vocabulary='1']) = 2")).toBe(true);
    expect(truth('sector/@percentage = 40')).toBe(true);
    expect(truth('sector/@percentage = 50')).toBe(false);
    expect(truth("count(sector[@vocabulary = '$1']) = 1", '2')).toBe(true);
    expect(truth('count(sector) = count(sector/@percentage)')).toBe(false);
    expect(evaluate(parseXPath('sum(sector/@percentage)'), root)).toBe(100);
  });

  it('evaluates not(), and/or, text() and number()', () => {
    expect(truth('not(recipient-country) and sector')).toBe(true);
    expect(truth("title/narrative/text() = 'A title'")).toBe(true);
    expect(truth('number(@default-currency) = @default-currency')).toBe(false);
    expect(truth("sector[1]/@code = '11110' and not(sector[4])")).toBe(true);
  });
});
