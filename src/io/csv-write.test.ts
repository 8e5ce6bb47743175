import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-parse.js';
import { csvRow } from './csv-write.js';

describe('csvRow', () => {
  it('quotes what needs quoting and reads back the same', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ''];
    const line = csvRow(values);
    expect(line).toBe('plain,"a,b","say ""hi""","two\nlines",\r\n');
    expect(parseCsvText(line)[0]?.fields).toEqual(values);
  });

  it('neutralises formulas when asked', () => {
    expect(csvRow(['=1+1', '+62 21', '-5', '@SUM(A1)', 'ok'], { neutraliseFormulas: true })).toBe("'=1+1,'+62 21,'-5,'@SUM(A1),ok\r\n");
    expect(csvRow(['=1+1'])).toBe('=1+1\r\n');
  });
});
