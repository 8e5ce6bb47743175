/**
 * A streaming reader of IATI activity files (2.01, 2.02, 2.03, and 1.01 to 1.05 with IATI's
 * upgrade rules to 2.01, src/domain/iati/upgrade-1x.ts): bytes in, one plain record per
 * `iati-activity` out, in constant memory whatever the file's size. It is deliberately strict
 * about what could hurt: a DOCTYPE (and with it every entity definition, external entity or
 * "billion laughs") is refused, undefined entities are errors, elements nest at most
 * MAX_DEPTH deep, and the file may not exceed its size limit. Elements of other namespaces
 * (publishers' extensions) are skipped with their content. The XML is read by a byte-level
 * tokenizer (io/xml-scan.ts), which checks well-formedness and decodes only what is kept here.
 */
import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { InvalidError } from '../domain/errors.js';
import type { IatiFileInfo, RawIatiActivity } from '../domain/iati/raw-activity.js';
import { upgradeActivity1x } from '../domain/iati/upgrade-1x.js';
import { isIati1x } from '../domain/iati/versions.js';
import { XmlScanError, XmlScanner, type XmlAttributes, type XmlEvents } from './xml-scan.js';

export type { IatiFileInfo, Narratives, RawIatiActivity } from '../domain/iati/raw-activity.js';

export const MAX_DEPTH = 64;

/** The file is not well-formed or not acceptable: nothing of it should be imported. */
export class IatiFileError extends InvalidError {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super('import.file_invalid', `${source}, line ${line}, column ${column}: ${message}`);
  }
}

function emptyProgram(line: number, attrs: XmlAttributes): RawIatiActivity {
  return {
    line,
    identifier: '',
    defaultLang: attrs.get('xml:lang') ?? null,
    defaultCurrency: attrs.get('default-currency') ?? null,
    lastUpdated: attrs.get('last-updated-datetime') ?? null,
    reportingOrg: null,
    titles: {},
    descriptions: [],
    participatingOrgs: [],
    status: null,
    dates: [],
    recipientCountries: [],
    recipientRegions: [],
    sectors: [],
    tags: [],
    collaborationType: null,
    defaultAidType: null,
    budgets: [],
    transactions: [],
  };
}

const ENCODINGS = new Map([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['iso-8859-1', 'latin1'],
  ['latin1', 'latin1'],
  ['windows-1252', 'windows-1252'],
  ['us-ascii', 'utf-8'],
  ['ascii', 'utf-8'],
]);

/** The decoder of a file, from its byte-order mark or its declared encoding. */
export function decoderFor(head: Uint8Array, source: string): TextDecoder {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return new TextDecoder('utf-8', { fatal: true });
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true });
  }
  const prolog = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder('latin1').decode(head.subarray(0, 200)));
  if (!prolog) return new TextDecoder('utf-8', { fatal: true });
  const encoding = ENCODINGS.get(prolog[1]!.toLowerCase());
  if (!encoding) throw new IatiFileError(source, 1, 1, `the declared encoding "${prolog[1]}" is not supported: save the file as UTF-8`);
  return new TextDecoder(encoding, { fatal: true });
}

/** Elements whose own text is read (in 2.0x files). */
const TEXT_READ = new Set(['iati-identifier', 'narrative', 'value']);
/** Elements whose own text is also read in 1.0x files (text written in the element itself, dates as text). */
const TEXT_READ_1X = new Set([
  'title',
  'reporting-org',
  'participating-org',
  'description',
  'activity-date',
  'transaction-date',
  'period-start',
  'period-end',
]);

/**
 * Reads an IATI activities file. `onActivity` receives each activity as soon as it is complete;
 * the promise resolves with the file's version when the whole file has been read.
 */
export async function readIatiActivities(
  source: string,
  chunks: AsyncIterable<Uint8Array>,
  onProgram: (activity: RawIatiActivity) => Promise<void> | void,
  options: { maxBytes: number },
): Promise<IatiFileInfo> {
  const info: IatiFileInfo = { version: null, generated: null };
  const stack: string[] = [];
  let skipDepth = 0; // > 0 inside an element of another namespace
  let current: RawIatiActivity | null = null;
  let text = '';
  let narrativeLang = '';
  let narrativeTarget: ((lang: string, text: string) => void) | null = null;
  // IATI 1.0x (1.01–1.05, or no version): text written in the element itself, word codes.
  let legacy = false;
  let elementLang = ''; // the xml:lang of the 1.0x element whose text is being read
  const pending: RawIatiActivity[] = [];

  const last = <T>(list: T[]): T | undefined => list[list.length - 1];

  const events: XmlEvents & { keepText: boolean } = {
    keepText: false,
    openTag,
    closeTag,
    text: (t) => {
      if (skipDepth === 0) text += t;
    },
  };
  const scanner = new XmlScanner(events, { maxDepth: MAX_DEPTH });
  const fail = (message: string): never => {
    throw scanner.error(message);
  };
  /** Text is decoded only where it is read: in an activity, in an element whose text the closing tag takes. */
  const wantText = () => {
    const top = stack[stack.length - 1];
    events.keepText = skipDepth === 0 && current !== null && top !== undefined && (TEXT_READ.has(top) || (legacy && TEXT_READ_1X.has(top)));
  };

  function openTag(name: string, a: XmlAttributes, line: number): void {
    stack.push(name);
    if (skipDepth > 0 || (name.includes(':') && !name.startsWith('xml:'))) {
      skipDepth++;
      events.keepText = false;
      return;
    }
    text = '';
    openElement(name, a, line);
    wantText();
  }

  function openElement(name: string, a: XmlAttributes, line: number): void {
    const parent = stack[stack.length - 2];
    if (stack.length === 1) {
      if (name !== 'iati-activities') fail(`the root element is <${name}>, not <iati-activities>`);
      info.version = a.get('version') ?? null;
      legacy = isIati1x(info.version);
      info.generated = a.get('generated-datetime') ?? null;
      return;
    }
    if (name === 'iati-activity' && parent === 'iati-activities') {
      current = emptyProgram(line, a);
      scanner.capture(createHash('sha1').update(`${info.version ?? ''}\n${line}\n`));
      return;
    }
    const act = current;
    if (!act) return;
    switch (name) {
      case 'narrative':
        narrativeLang = a.get('xml:lang') ?? '';
        return;
      case 'reporting-org':
        elementLang = a.get('xml:lang') ?? '';
        act.reportingOrg = { ref: a.get('ref') ?? null, type: a.get('type') ?? null, names: {} };
        narrativeTarget = (lang, t) => act.reportingOrg && (act.reportingOrg.names[lang] ??= t);
        return;
      case 'title':
        elementLang = a.get('xml:lang') ?? '';
        if (parent === 'iati-activity') narrativeTarget = (lang, t) => (act.titles[lang] ??= t);
        else narrativeTarget = null;
        return;
      case 'description':
        elementLang = a.get('xml:lang') ?? '';
        if (parent === 'iati-activity') {
          const d: RawIatiActivity['descriptions'][number] = { type: a.get('type') ?? null, texts: {} };
          act.descriptions.push(d);
          narrativeTarget = (lang, t) => (d.texts[lang] ??= t);
        } else if (parent === 'transaction') {
          const tx = last(act.transactions);
          narrativeTarget = (lang, t) => tx && (tx.description[lang] ??= t);
        } else narrativeTarget = null;
        return;
      case 'participating-org': {
        elementLang = a.get('xml:lang') ?? '';
        const o: RawIatiActivity['participatingOrgs'][number] = {
          ref: a.get('ref') ?? null,
          role: a.get('role') ?? null,
          type: a.get('type') ?? null,
          names: {},
        };
        act.participatingOrgs.push(o);
        narrativeTarget = (lang, t) => (o.names[lang] ??= t);
        return;
      }
      case 'activity-status':
        act.status = a.get('code') ?? null;
        return;
      case 'activity-date':
        act.dates.push({ type: a.get('type') ?? null, isoDate: a.get('iso-date') ?? null });
        return;
      case 'recipient-country':
        if (parent === 'transaction') {
          const tx = last(act.transactions);
          if (tx) tx.recipientCountry = a.get('code') ?? null;
        } else act.recipientCountries.push({ code: a.get('code') ?? null, percentage: a.get('percentage') ?? null });
        return;
      case 'recipient-region':
        if (parent === 'iati-activity')
          act.recipientRegions.push({
            code: a.get('code') ?? null,
            vocabulary: a.get('vocabulary') ?? null,
            percentage: a.get('percentage') ?? null,
          });
        return;
      case 'sector':
        if (parent === 'transaction')
          last(act.transactions)?.sectors.push({ vocabulary: a.get('vocabulary') ?? null, code: a.get('code') ?? null });
        else if (parent === 'iati-activity')
          act.sectors.push({
            vocabulary: a.get('vocabulary') ?? null,
            code: a.get('code') ?? null,
            percentage: a.get('percentage') ?? null,
          });
        return;
      case 'tag':
        if (parent === 'iati-activity') act.tags.push({ vocabulary: a.get('vocabulary') ?? null, code: a.get('code') ?? null });
        return;
      case 'collaboration-type':
        act.collaborationType = a.get('code') ?? null;
        return;
      case 'default-aid-type':
        act.defaultAidType ??= a.get('code') ?? null;
        return;
      case 'budget':
        act.budgets.push({
          type: a.get('type') ?? null,
          status: a.get('status') ?? null,
          periodStart: null,
          periodEnd: null,
          value: '',
          currency: null,
          valueDate: null,
        });
        return;
      case 'transaction':
        act.transactions.push({
          type: null,
          date: null,
          value: '',
          currency: null,
          valueDate: null,
          description: {},
          recipientCountry: null,
          sectors: [],
        });
        return;
      case 'period-start':
      case 'period-end': {
        const b = parent === 'budget' ? last(act.budgets) : undefined;
        if (b) b[name === 'period-start' ? 'periodStart' : 'periodEnd'] = a.get('iso-date') ?? null;
        return;
      }
      case 'transaction-type': {
        const tx = last(act.transactions);
        if (tx) tx.type = a.get('code') ?? null;
        return;
      }
      case 'transaction-date': {
        const tx = last(act.transactions);
        if (tx) tx.date = a.get('iso-date') ?? null;
        return;
      }
      case 'value': {
        const owner = parent === 'budget' ? last(act.budgets) : parent === 'transaction' ? last(act.transactions) : undefined;
        if (owner) {
          owner.currency = a.get('currency') ?? null;
          owner.valueDate = a.get('value-date') ?? null;
        }
        return;
      }
      default:
        return;
    }
  }

  function closeTag(name: string): void {
    stack.pop();
    if (skipDepth > 0) {
      skipDepth--;
      wantText();
      return;
    }
    const act = current;
    const parent = stack[stack.length - 1];
    if (act) {
      const value = text.trim();
      switch (name) {
        case 'iati-identifier':
          if (parent === 'iati-activity') act.identifier = value;
          break;
        case 'narrative':
          if (value) narrativeTarget?.(narrativeLang || act.defaultLang || '', value);
          break;
        case 'title':
        case 'reporting-org':
        case 'participating-org':
          if (legacy && value) narrativeTarget?.(elementLang || act.defaultLang || '', value);
          narrativeTarget = null;
          break;
        case 'description':
          if (legacy && value && parent === 'iati-activity') addDescription1x(act, elementLang || act.defaultLang || '', value);
          else if (legacy && value) narrativeTarget?.(elementLang || act.defaultLang || '', value);
          narrativeTarget = null;
          break;
        case 'activity-date':
        case 'transaction-date':
        case 'period-start':
        case 'period-end':
          if (legacy && value) dateText1x(act, name, parent, value);
          break;
        case 'value': {
          const owner = parent === 'budget' ? last(act.budgets) : parent === 'transaction' ? last(act.transactions) : undefined;
          if (owner) owner.value = value;
          break;
        }
        case 'iati-activity':
          if (parent === 'iati-activities') {
            const read = legacy ? upgradeActivity1x(act) : act;
            read.digest = scanner.captured().digest('base64url');
            pending.push(read);
            current = null;
          }
          break;
        default:
          break;
      }
    }
    text = '';
    wantText();
  }

  /** Runs the scanner, its errors as the file's. */
  const scan = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof XmlScanError) throw new IatiFileError(source, error.line, error.column, error.message);
      throw error;
    }
  };
  let bytes = 0;
  let decoder: TextDecoder | null = null;
  let utf8 = true;
  // The first bytes are held until the prolog (and its declared encoding) is complete.
  let head: Uint8Array | null = new Uint8Array(0);
  /** UTF-8 goes to the scanner as it is; another encoding is transcoded to UTF-8 first. */
  const feed = async (chunk: Uint8Array) => {
    if (!decoder) {
      decoder = decoderFor(chunk, source);
      utf8 = decoder.encoding === 'utf-8';
    }
    if (utf8) scan(() => scanner.write(chunk));
    else {
      let decoded: string;
      try {
        decoded = decoder.decode(chunk, { stream: true });
      } catch {
        const encoding = decoder.encoding;
        return scan(() => fail(`the bytes are not valid ${encoding}`));
      }
      scan(() => scanner.write(Buffer.from(decoded, 'utf8')));
    }
    await drain();
  };
  /** The decoder's last bytes: a file may not end in the middle of a character. */
  const flush = () => {
    if (!decoder || utf8) return;
    let decoded: string;
    try {
      decoded = decoder.decode();
    } catch {
      return scan(() => fail('the file ends in the middle of a character'));
    }
    scan(() => scanner.write(Buffer.from(decoded, 'utf8')));
  };
  /** Hands the activities read so far to the caller, in order. */
  const drain = async () => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) await onProgram(next);
  };
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > options.maxBytes) scan(() => fail(`the file is larger than ${options.maxBytes} bytes`));
    if (head) {
      const joined: Uint8Array = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      const prologEnd = new TextDecoder('latin1').decode(joined.subarray(0, 512)).indexOf('?>');
      if (prologEnd < 0 && joined.length < 512) {
        head = joined;
        continue;
      }
      head = null;
      await feed(joined);
    } else await feed(chunk);
  }
  if (head && head.length) await feed(head);
  flush();
  scan(() => scanner.end());
  await drain();
  return info;
}

/**
 * A 1.0x description's text: 1.0x repeats the element for each language (2.0x repeats its
 * narrative), so a text joins the earlier description of its type that lacks its language.
 */
export function addDescription1x(act: RawIatiActivity, lang: string, value: string): void {
  const own = act.descriptions[act.descriptions.length - 1];
  if (!own || Object.keys(own.texts).length > 0) return; // it had narratives: those are its text
  const earlier = act.descriptions.find((d) => d !== own && d.type === own.type && d.texts[lang] === undefined);
  if (earlier) {
    earlier.texts[lang] = value;
    act.descriptions.pop();
  } else own.texts[lang] = value;
}

/** A 1.0x date written as text without `@iso-date` (optional in 1.0x): the text, checked by the mapper. */
export function dateText1x(act: RawIatiActivity, element: string, parent: string | undefined, value: string): void {
  const last = <T>(list: T[]): T | undefined => list[list.length - 1];
  if (element === 'activity-date') {
    const d = parent === 'iati-activity' ? last(act.dates) : undefined;
    if (d && d.isoDate === null) d.isoDate = value;
  } else if (element === 'transaction-date') {
    const tx = parent === 'transaction' ? last(act.transactions) : undefined;
    if (tx && tx.date === null) tx.date = value;
  } else {
    const b = parent === 'budget' ? last(act.budgets) : undefined;
    const key = element === 'period-start' ? 'periodStart' : 'periodEnd';
    if (b && b[key] === null) b[key] = value;
  }
}

/** An IATI file as an import reads it: activities streamed to a callback, and the bytes' sha256. */
export interface IatiActivitySource {
  readonly name: string;
  read(onProgram: (activity: RawIatiActivity) => Promise<void> | void): Promise<IatiFileInfo>;
  /** The sha256 of the bytes, once they are read. */
  sha256(): string | null;
}

export function iatiActivitySource(
  name: string,
  input: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; onProgress?: (bytes: number) => void },
): IatiActivitySource {
  const hash = createHash('sha256');
  let digest: string | null = null;
  async function* hashed(): AsyncGenerator<Uint8Array> {
    let bytes = 0;
    for await (const chunk of input) {
      hash.update(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes);
      yield chunk;
    }
    digest = hash.digest('hex');
  }
  return {
    name,
    read: (onProgram) => readIatiActivities(name, hashed(), onProgram, { maxBytes: options.maxBytes }),
    sha256: () => digest,
  };
}
