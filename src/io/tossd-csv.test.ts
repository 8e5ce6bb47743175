import { describe, expect, it } from 'vitest';
import { tossdCsv } from './tossd-csv.js';

async function text(chunks: string[][][]): Promise<string> {
  async function* source() {
    for (const c of chunks) yield c;
  }
  let out = '';
  for await (const part of tossdCsv(source())) out += part;
  return out;
}

describe('tossdCsv', () => {
  it('writes a BOM, the header and the rows, quoting what needs it', async () => {
    const csv = await text([[['2031', 'Training, "advanced"', '10.00']], []]);
    const lines = csv.split('\r\n');
    expect(lines[0]?.startsWith('\uFEFFYear,Reporting country (ISO3),')).toBe(true);
    expect(lines[1]).toBe('2031,"Training, ""advanced""",10.00');
    expect(lines).toHaveLength(3);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const csv = await text([[['2031', '=HYPERLINK("http://x")', '@SUM(A1)', '+1']]]);
    expect(csv.split('\r\n')[1]).toBe(`2031,"'=HYPERLINK(""http://x"")",'@SUM(A1),'+1`);
  });
});
