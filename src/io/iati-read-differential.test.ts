/**
 * The reader on its byte-level tokenizer (io/xml-scan.ts) against the reader it replaced, on
 * saxes, a conforming XML parser (src/testing/iati-read-saxes.ts): the same records and file
 * information from real publishers' files, and, from a few hundred seeded mutations of small
 * files read in chunks of random sizes (1-byte chunks included), the same verdict (read or
 * refused) and the same records.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IATI_105 } from '../testing/iati-1x.js';
import { readIatiActivitiesWithSaxes } from '../testing/iati-read-saxes.js';
import { IatiFileError, readIatiActivities, type IatiFileInfo, type RawIatiActivity } from './iati-read.js';

const SAMPLES = resolve(process.cwd(), '../shared/reference/iati/samples');
const hasSamples = existsSync(SAMPLES);
if (!hasSamples) console.warn(`\n*** IATI sample files SKIPPED: ${SAMPLES} is absent ***\n`);

type Reader = typeof readIatiActivities;
type Outcome = { ok: true; info: IatiFileInfo; activities: RawIatiActivity[] } | { ok: false; error: IatiFileError };

async function* split(bytes: Uint8Array, sizes: () => number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length;) {
    const n = Math.max(1, sizes());
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

async function outcome(reader: Reader, bytes: Uint8Array, sizes: () => number): Promise<Outcome> {
  const activities: RawIatiActivity[] = [];
  try {
    // The reference does not give the digest of an activity's bytes: it is left out of the comparison.
    const info = await reader('test.xml', split(bytes, sizes), ({ digest: _, ...a }) => void activities.push(a), { maxBytes: 1e9 });
    return { ok: true, info, activities };
  } catch (error) {
    if (!(error instanceof IatiFileError)) throw error;
    return { ok: false, error };
  }
}

/** A seeded generator (mulberry32): the same mutations on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SMALL_203 = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<?publisher-tool version 3?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00">
 <iati-activity default-currency="EUR" xml:lang="en" last-updated-datetime="2024-01-02T00:00:00" xmlns:x="http://example.org/x">
  <iati-identifier>XX-1-&#65;&amp;B</iati-identifier>
  <reporting-org ref="XX-1" type='10'><narrative>Reporter &lt;one&gt;</narrative></reporting-org>
  <title><narrative xml:lang="fr">Caf\u00e9 \u4e2d\u6587 \u{1F600}</narrative><narrative><![CDATA[A <b> & ]] c]]></narrative></title>\r
  <description type="1"><narrative>line one\r\nline two\rthree ]] ></narrative></description>
  <participating-org ref="XX&#10;-2\t3
  4" role="1"
     type="21"><narrative>Org &#x1F600; &quot;q&apos;</narrative></participating-org>
  <x:ext a="1"><title><narrative>skipped</narrative></title></x:ext>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2024-01-01"/><activity-date type="2" iso-date="2024-01-02" />
  <recipient-country code="K&amp;E" percentage="50"/>
  <recipient-region code="298" vocabulary="1" percentage="50"/>
  <sector vocabulary="1" code="11110" percentage="100"/>
  <tag vocabulary="3" code="1.1"/>
  <collaboration-type code="1"/><default-aid-type code="C01"/>
  <budget type="1" status="2"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="EUR" value-date="2024-01-01">1000</value></budget>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2024-02-01"/><value currency="EUR" value-date="2024-02-01"> 12.5<x:note>9</x:note>0 </value><description><narrative>pay&#9;ment</narrative></description><sector vocabulary="1" code="11110"/><recipient-country code="UG"/></transaction>
  <?inner instruction?><!-- inner - comment -->
 </iati-activity>
 <iati-activity><iati-identifier>XX-1-B</iati-identifier><title><narrative>Second</narrative></title></iati-activity>
</iati-activities>
<!-- after the root -->
`;

/** Bytes read by saxes in a test at most: beyond it (the 52 MB USAID file) parts of the file are read, unless IATI_DIFF_FULL=1. */
const MAX_SAXES_BYTES = 8e6;

/**
 * The file, or for a large one a file of the same kind made of five parts of it (about 1.6 MB
 * each, from its beginning to its end, cut at activities) within its root element: saxes takes
 * 3.5 s for the whole USAID file.
 */
function sampled(file: Buffer): Buffer {
  if (file.length <= MAX_SAXES_BYTES || process.env.IATI_DIFF_FULL === '1') return file;
  const open = Buffer.from('<iati-activity ');
  const first = file.indexOf(open);
  const close = file.lastIndexOf(Buffer.from('</iati-activities>'));
  const parts: Buffer[] = [file.subarray(0, first)];
  const part = MAX_SAXES_BYTES / 5;
  for (let k = 0; k < 5; k++) {
    const from = file.indexOf(open, first + Math.floor(((close - first - part) * k) / 4));
    const to = file.indexOf(open, from + part);
    parts.push(file.subarray(from, to < 0 ? close : to));
  }
  parts.push(file.subarray(close));
  return Buffer.concat(parts);
}

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A mutation of `base`: one to three bytes deleted, inserted or replaced, mostly by bytes XML cares about. */
function mutate(base: Uint8Array, next: () => number): Uint8Array {
  const interesting = bytesOf('<>&;/"\'-]!?=:#x \t\r\nAa1');
  const pick = () =>
    next() < 0.7
      ? interesting[Math.floor(next() * interesting.length)]!
      : [0x01, 0x7f, 0xc3, 0xa9, 0xef, 0xbf, 0xff][Math.floor(next() * 7)]!;
  let bytes = Array.from(base);
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * bytes.length);
    const kind = next();
    if (kind < 0.33) bytes.splice(at, 1 + Math.floor(next() * 3));
    else if (kind < 0.66) bytes.splice(at, 0, pick());
    else bytes[at] = pick();
  }
  if (next() < 0.05) bytes = bytes.slice(0, Math.floor(next() * bytes.length)); // truncated
  return Uint8Array.from(bytes);
}

/** Chunk sizes: all 1-byte chunks, or random sizes from 1 to 64 bytes. */
const chunking = (next: () => number) => (next() < 0.25 ? () => 1 : () => 1 + Math.floor(next() * 64));

describe('the byte-level reader against saxes', () => {
  it.skipIf(!hasSamples)('reads the three sample files into the same records and file information', async () => {
    for (const [file, size] of [
      ['acfspain-ph.xml', 7],
      ['CAF-ActivityFile-2025-10-10.xml', 997],
      ['usaid-19-countries-2025-04-03.merged.xml', 256 * 1024],
    ] as const) {
      const bytes = sampled(readFileSync(`${SAMPLES}/${file}`));
      const ours = await outcome(readIatiActivities, bytes, () => size);
      const reference = await outcome(readIatiActivitiesWithSaxes, bytes, () => size + 3);
      expect(ours.ok, file).toBe(true);
      expect(ours, file).toEqual(reference);
      if (ours.ok) expect(ours.activities.length, file).toBeGreaterThan(1);
    }
  });

  it('agrees with saxes on mutated files: read or refused, and the same records when read', async () => {
    const next = random(22);
    const bases = [bytesOf(SMALL_203), bytesOf(IATI_105)];
    const tally = { read: 0, refused: 0, sameLine: 0 };
    for (let round = 0; round < 400; round++) {
      const bytes = round < 2 ? bases[round]! : mutate(bases[round % 2]!, next);
      const ours = await outcome(readIatiActivities, bytes, chunking(next));
      const reference = await outcome(readIatiActivitiesWithSaxes, bytes, chunking(next));
      const input = Buffer.from(bytes).toString('latin1');
      if (reference.ok && !ours.ok && /XML version "1\.\d+" is not read/.test(ours.error.message)) continue; // XML 1.1 and later: refused on purpose
      expect(
        ours.ok,
        `${ours.ok ? 'read' : ours.error.message} / saxes ${reference.ok ? 'read' : reference.error.message}:\n${input}`,
      ).toBe(reference.ok);
      if (round < 2) expect(ours.ok && reference.ok).toBe(true);
      if (ours.ok && reference.ok) {
        expect(ours.info).toEqual(reference.info);
        expect(ours.activities, input).toEqual(reference.activities);
        tally.read++;
      } else if (!ours.ok && !reference.ok) {
        tally.refused++;
        if (ours.error.line === reference.error.line) tally.sameLine++;
      }
    }
    // Both verdicts are well represented, and refusals mostly name the same line as saxes.
    expect(tally.read).toBeGreaterThan(40);
    expect(tally.refused).toBeGreaterThan(100);
    expect(tally.sameLine / tally.refused).toBeGreaterThan(0.8);
  });

  it('reads the unmutated small file with every split into two chunks the same', async () => {
    const bytes = bytesOf(SMALL_203);
    const whole = await outcome(readIatiActivitiesWithSaxes, bytes, () => bytes.length);
    expect(whole.ok).toBe(true);
    for (let at = 1; at < bytes.length; at += 1) {
      let first = true;
      const ours = await outcome(readIatiActivities, bytes, () => (first ? ((first = false), at) : bytes.length));
      expect(ours, `split at ${at}`).toEqual(whole);
    }
  });
});

describe('the digest of an activity as written', () => {
  const digests = async (text: string, size: number) => {
    const out: string[] = [];
    const bytes = bytesOf(text);
    await readIatiActivities(
      'test.xml',
      split(bytes, () => size),
      (a) => void out.push(a.digest ?? ''),
      { maxBytes: 1e9 },
    );
    return out;
  };

  it('depends on the activity’s bytes, its line and the file’s version, not on how the file is cut', async () => {
    const base = await digests(SMALL_203, 1e6);
    expect(base).toHaveLength(2);
    expect(base[0]).not.toBe(base[1]);
    expect(await digests(SMALL_203, 1)).toEqual(base);
    expect(await digests(SMALL_203, 13)).toEqual(base);
    // A byte of the first activity: only its digest changes.
    const changed = await digests(SMALL_203.replace('1000</value>', '1001</value>'), 7);
    expect(changed[0]).not.toBe(base[0]);
    expect(changed[1]).toBe(base[1]);
    // Text outside the activities: none changes; a line more before them: both change.
    expect(await digests(SMALL_203.replace('<!-- a comment before the root -->', '<!-- another -->'), 7)).toEqual(base);
    const moved = await digests(SMALL_203.replace('<!-- a comment before the root -->', '<!-- a\ncomment -->'), 7);
    expect(moved.every((d, k) => d !== base[k])).toBe(true);
    // Another IATI version (read by other rules): both change.
    const version = await digests(SMALL_203.replace('version="2.03"', 'version="2.02"'), 7);
    expect(version.every((d, k) => d !== base[k])).toBe(true);
  });
});
