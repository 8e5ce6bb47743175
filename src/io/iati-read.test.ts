import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IatiFileError, MAX_DEPTH, readIatiActivities, type RawIatiActivity } from './iati-read.js';

const REFERENCE = resolve(process.cwd(), '../shared/reference/iati');
const hasReference = existsSync(REFERENCE);
if (!hasReference) console.warn(`\n*** IATI sample files SKIPPED: ${REFERENCE} is absent ***\n`);

async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(input: string | Uint8Array, maxBytes = 1e9): Promise<RawIatiActivity[]> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const out: RawIatiActivity[] = [];
  await readIatiActivities('test.xml', chunked(bytes), (a) => void out.push(a), { maxBytes });
  return out;
}

const wrap = (body: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${prolog}\n<iati-activities version="2.03">\n${body}\n</iati-activities>\n`;

describe('reading IATI files', () => {
  it.skipIf(!hasReference)('reads the small South-South example completely', async () => {
    const [a] = await read(readFileSync(`${REFERENCE}/examples/tiny-ssc-activity.xml`));
    expect(a).toMatchObject({
      identifier: 'XX-EXAMPLE-1-SSC-2024-001',
      defaultLang: 'en',
      defaultCurrency: 'USD',
      titles: {
        en: 'International training on community-based disaster risk management',
        id: 'Pelatihan internasional pengelolaan risiko bencana berbasis masyarakat',
      },
      status: '3',
      collaborationType: '8',
      defaultAidType: 'D02',
      recipientCountries: [
        { code: 'FJ', percentage: '20' },
        { code: 'TL', percentage: '20' },
      ],
      recipientRegions: [{ code: '289', vocabulary: '1', percentage: '60' }],
      sectors: [{ vocabulary: '1', code: '74020', percentage: '100' }],
      tags: [{ vocabulary: '3', code: '13.1' }],
      budgets: [
        {
          type: '1',
          status: '2',
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          value: '150000',
          currency: 'USD',
          valueDate: '2024-01-01',
        },
      ],
      transactions: [{ type: '3', date: '2024-07-10', value: '142500.50', currency: 'USD', valueDate: '2024-07-10' }],
    });
    expect(a?.participatingOrgs.map((o) => `${o.ref}:${o.role}`)).toEqual(['XX-EXAMPLE-1:1', 'XX-EXAMPLE-2:1', 'XX-EXAMPLE-3:4']);
    expect(a?.dates).toHaveLength(3);
  });

  it.skipIf(!hasReference)('reads real publishers’ files of versions 2.02 and 2.03, narratives in any language', async () => {
    const acf = await read(readFileSync(`${REFERENCE}/samples/acfspain-ph.xml`));
    expect(acf.length).toBeGreaterThan(1);
    expect(acf[0]?.reportingOrg?.names).toMatchObject({ en: 'ACTION AGAINST HUNGER SPAIN', es: 'ACCIÓN CONTRA EL HAMBRE' });
    expect(acf[0]?.sectors[0]).toMatchObject({ vocabulary: '99', code: 'Water, Sanitation & Hygiene' });
    const caf = await read(readFileSync(`${REFERENCE}/samples/CAF-ActivityFile-2025-10-10.xml`), 1e9);
    expect(caf.length).toBeGreaterThan(10);
    expect(caf.every((a) => a.identifier.length > 0)).toBe(true);
  });

  it('takes country and sector from transactions, ignores extensions of other namespaces, keeps missing parts empty', async () => {
    const [a] = await read(
      wrap(`<iati-activity xmlns:x="http://example.org/ext" default-currency="EUR">
        <iati-identifier>XX-1-A</iati-identifier>
        <x:extension><title><narrative>not the title</narrative></title><x:deep a="1"/></x:extension>
        <title><narrative xml:lang="fr">Formation</narrative><narrative xml:lang="en">Training &amp; more</narrative></title>
        <transaction><transaction-type code="3"/><transaction-date iso-date="2019-01-02"/><value currency="EUR">10.5</value>
          <sector vocabulary="1" code="11110"/><recipient-country code="KE"/></transaction>
      </iati-activity>`),
    );
    expect(a).toMatchObject({
      identifier: 'XX-1-A',
      titles: { fr: 'Formation', en: 'Training & more' },
      recipientCountries: [],
      sectors: [],
      status: null,
    });
    expect(a?.transactions[0]).toMatchObject({
      recipientCountry: 'KE',
      sectors: [{ vocabulary: '1', code: '11110' }],
      value: '10.5',
      currency: 'EUR',
    });
  });

  it('refuses a file that is not well-formed, saying where', async () => {
    const bad = wrap('<iati-activity><iati-identifier>X</iati-identifier>\n<title></iati-activity>');
    const error = await read(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IatiFileError);
    expect((error as IatiFileError).line).toBe(4);
    expect((error as IatiFileError).message).toMatch(/^test\.xml, line 4, column \d+: /);
  });

  it('refuses DTDs, external entities and entity expansion', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><iati-activities><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>`;
    await expect(read(xxe)).rejects.toThrow(/DOCTYPE is not allowed/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><iati-activities><iati-activity><iati-identifier>&c;</iati-identifier></iati-activity></iati-activities>`;
    await expect(read(laughs)).rejects.toThrow(/DOCTYPE is not allowed/);
    await expect(read(wrap('<iati-activity><iati-identifier>&unknown;</iati-identifier></iati-activity>'))).rejects.toThrow(
      /undefined entity/,
    );
  });

  it('limits depth and size', async () => {
    const deep = wrap(`<iati-activity>${'<x>'.repeat(MAX_DEPTH)}${'</x>'.repeat(MAX_DEPTH)}</iati-activity>`);
    await expect(read(deep)).rejects.toThrow(/deeper than 64/);
    await expect(read(wrap('<iati-activity><iati-identifier>X</iati-identifier></iati-activity>'), 40)).rejects.toThrow(
      /larger than 40 bytes/,
    );
    await expect(read('')).rejects.toThrow(/root element/);
    await expect(read('<activities/>')).rejects.toThrow(/root element is <activities>/);
  });

  it('handles the encoding the prolog declares, or refuses it clearly', async () => {
    const latin1 = wrap(
      '<iati-activity><iati-identifier>X</iati-identifier><title><narrative>Cooperaci\u00f3n</narrative></title></iati-activity>',
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
    );
    const bytes = Uint8Array.from([...latin1].map((c) => c.charCodeAt(0)));
    expect((await read(bytes))[0]?.titles['']).toBe('Cooperación');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[
        ...wrap('<iati-activity><iati-identifier>U16</iati-identifier></iati-activity>', '<?xml version="1.0" encoding="UTF-16"?>'),
      ].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect((await read(utf16))[0]?.identifier).toBe('U16');
    await expect(read(wrap('', '<?xml version="1.0" encoding="EBCDIC-US"?>'))).rejects.toThrow(/encoding "EBCDIC-US" is not supported/);
    await expect(read(new Uint8Array([...new TextEncoder().encode(wrap('<iati-activity><iati-identifier>')), 0xc3, 0x28]))).rejects.toThrow(
      /not valid utf-8/,
    );
  });
});
