import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer, parseCsvText } from './csv-parse.js';

describe('CSV tokenizer', () => {
  it('reads quoted fields with separators, quotes and line breaks', () => {
    const records = parseCsvText('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n\nlast,,\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('reads semicolon files and a last line without a line break', () => {
    expect(parseCsvText('a;b\n1;2', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'id,name\r\n1,"Timor-Leste, ""TL"""\r\n2,Fiji\r\n';
    const whole = parseCsvText(text);
    const t = new CsvTokenizer();
    const pieces = [...text].flatMap((ch) => t.push(ch));
    expect([...pieces, ...t.end()]).toEqual(whole);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsvText('a\n"open')).toThrow(CsvSyntaxError);
    try {
      parseCsvText('a\n"open');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });

  it('reports text after a closing quote', () => {
    expect(() => parseCsvText('"a"b,c')).toThrow(/after the closing quote/);
  });
});
