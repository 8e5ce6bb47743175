/**
 * THE REFERENCE FOR TESTS ONLY: the IATI reader as it was before io/xml-scan.ts, on saxes (a
 * conforming XML parser working on decoded strings), kept unchanged but for one point so that
 * io/iati-read.ts can be compared with it (src/io/iati-read-differential.test.ts): an activity's
 * line is the line of its start tag's "<" (saxes reports the line where the tag ends).
 *
 * A streaming reader of IATI activity files (2.01, 2.02, 2.03, and 1.01 to 1.05 with IATI's
 * upgrade rules to 2.01, src/domain/iati/upgrade-1x.ts): bytes in, one plain record per
 * `iati-activity` out, in constant memory whatever the file's size. It is deliberately strict
 * about what could hurt: a DOCTYPE (and with it every entity definition, external entity or
 * "billion laughs") is refused, undefined entities are errors, elements nest at most
 * MAX_DEPTH deep, and the file may not exceed its size limit. Elements of other namespaces
 * (publishers' extensions) are skipped with their content.
 */
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import type { IatiFileInfo, RawIatiActivity } from '../domain/iati/raw-activity.js';
import { upgradeActivity1x } from '../domain/iati/upgrade-1x.js';
import { isIati1x } from '../domain/iati/versions.js';

import { addDescription1x, dateText1x, decoderFor, IatiFileError, MAX_DEPTH } from '../io/iati-read.js';

function emptyProgram(line: number, attrs: Record<string, string>): RawIatiActivity {
  return {
    line,
    identifier: '',
    defaultLang: attrs['xml:lang'] ?? null,
    defaultCurrency: attrs['default-currency'] ?? null,
    lastUpdated: attrs['last-updated-datetime'] ?? null,
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

/**
 * Reads an IATI activities file. `onActivity` receives each activity as soon as it is complete;
 * the promise resolves with the file's version when the whole file has been read.
 */
export async function readIatiActivitiesWithSaxes(
  source: string,
  chunks: AsyncIterable<Uint8Array>,
  onProgram: (activity: RawIatiActivity) => Promise<void> | void,
  options: { maxBytes: number },
): Promise<IatiFileInfo> {
  const parser = new SaxesParser({ position: true, xmlns: false });
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
  let failure: IatiFileError | null = null;
  const pending: RawIatiActivity[] = [];
  let sawRoot = false;

  const fail = (message: string) => {
    failure ??= new IatiFileError(source, parser.line, parser.column, message);
  };
  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '')));
  parser.on('doctype', () => fail('a DOCTYPE is not allowed in IATI files (no DTDs, no entity definitions)'));
  parser.on('processinginstruction', () => {});
  let tagLine = 1;
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });

  const last = <T>(list: T[]): T | undefined => list[list.length - 1];

  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    if (stack.length > MAX_DEPTH) return fail(`elements nest deeper than ${MAX_DEPTH} levels`);
    if (skipDepth > 0 || (tag.name.includes(':') && !tag.name.startsWith('xml:'))) {
      skipDepth++;
      return;
    }
    const a = tag.attributes;
    text = '';
    const parent = stack[stack.length - 2];
    if (stack.length === 1) {
      if (tag.name !== 'iati-activities') return fail(`the root element is <${tag.name}>, not <iati-activities>`);
      sawRoot = true;
      info.version = a.version ?? null;
      legacy = isIati1x(info.version);
      info.generated = a['generated-datetime'] ?? null;
      return;
    }
    if (tag.name === 'iati-activity' && parent === 'iati-activities') {
      current = emptyProgram(tagLine, a);
      return;
    }
    const act = current;
    if (!act) return;
    switch (tag.name) {
      case 'narrative':
        narrativeLang = a['xml:lang'] ?? '';
        return;
      case 'reporting-org':
        elementLang = a['xml:lang'] ?? '';
        act.reportingOrg = { ref: a.ref ?? null, type: a.type ?? null, names: {} };
        narrativeTarget = (lang, t) => act.reportingOrg && (act.reportingOrg.names[lang] ??= t);
        return;
      case 'title':
        elementLang = a['xml:lang'] ?? '';
        if (parent === 'iati-activity') narrativeTarget = (lang, t) => (act.titles[lang] ??= t);
        else narrativeTarget = null;
        return;
      case 'description':
        elementLang = a['xml:lang'] ?? '';
        if (parent === 'iati-activity') {
          const d: RawIatiActivity['descriptions'][number] = { type: a.type ?? null, texts: {} };
          act.descriptions.push(d);
          narrativeTarget = (lang, t) => (d.texts[lang] ??= t);
        } else if (parent === 'transaction') {
          const tx = last(act.transactions);
          narrativeTarget = (lang, t) => tx && (tx.description[lang] ??= t);
        } else narrativeTarget = null;
        return;
      case 'participating-org': {
        elementLang = a['xml:lang'] ?? '';
        const o: RawIatiActivity['participatingOrgs'][number] = {
          ref: a.ref ?? null,
          role: a.role ?? null,
          type: a.type ?? null,
          names: {},
        };
        act.participatingOrgs.push(o);
        narrativeTarget = (lang, t) => (o.names[lang] ??= t);
        return;
      }
      case 'activity-status':
        act.status = a.code ?? null;
        return;
      case 'activity-date':
        act.dates.push({ type: a.type ?? null, isoDate: a['iso-date'] ?? null });
        return;
      case 'recipient-country':
        if (parent === 'transaction') {
          const tx = last(act.transactions);
          if (tx) tx.recipientCountry = a.code ?? null;
        } else act.recipientCountries.push({ code: a.code ?? null, percentage: a.percentage ?? null });
        return;
      case 'recipient-region':
        if (parent === 'iati-activity')
          act.recipientRegions.push({ code: a.code ?? null, vocabulary: a.vocabulary ?? null, percentage: a.percentage ?? null });
        return;
      case 'sector':
        if (parent === 'transaction') last(act.transactions)?.sectors.push({ vocabulary: a.vocabulary ?? null, code: a.code ?? null });
        else if (parent === 'iati-activity')
          act.sectors.push({ vocabulary: a.vocabulary ?? null, code: a.code ?? null, percentage: a.percentage ?? null });
        return;
      case 'tag':
        if (parent === 'iati-activity') act.tags.push({ vocabulary: a.vocabulary ?? null, code: a.code ?? null });
        return;
      case 'collaboration-type':
        act.collaborationType = a.code ?? null;
        return;
      case 'default-aid-type':
        act.defaultAidType ??= a.code ?? null;
        return;
      case 'budget':
        act.budgets.push({
          type: a.type ?? null,
          status: a.status ?? null,
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
        if (b) b[tag.name === 'period-start' ? 'periodStart' : 'periodEnd'] = a['iso-date'] ?? null;
        return;
      }
      case 'transaction-type': {
        const tx = last(act.transactions);
        if (tx) tx.type = a.code ?? null;
        return;
      }
      case 'transaction-date': {
        const tx = last(act.transactions);
        if (tx) tx.date = a['iso-date'] ?? null;
        return;
      }
      case 'value': {
        const owner = parent === 'budget' ? last(act.budgets) : parent === 'transaction' ? last(act.transactions) : undefined;
        if (owner) {
          owner.currency = a.currency ?? null;
          owner.valueDate = a['value-date'] ?? null;
        }
        return;
      }
      default:
        return;
    }
  });

  parser.on('text', (t) => {
    if (skipDepth === 0) text += t;
  });
  parser.on('cdata', (t) => {
    if (skipDepth === 0) text += t;
  });

  parser.on('closetag', (tag) => {
    stack.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const act = current;
    const parent = stack[stack.length - 1];
    if (act) {
      const value = text.trim();
      switch (tag.name) {
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
          if (legacy && value) dateText1x(act, tag.name, parent, value);
          break;
        case 'value': {
          const owner = parent === 'budget' ? last(act.budgets) : parent === 'transaction' ? last(act.transactions) : undefined;
          if (owner) owner.value = value;
          break;
        }
        case 'iati-activity':
          if (parent === 'iati-activities') {
            pending.push(legacy ? upgradeActivity1x(act) : act);
            current = null;
          }
          break;
        default:
          break;
      }
    }
    text = '';
  });

  let bytes = 0;
  let decoder: TextDecoder | null = null;
  // The first bytes are held until the prolog (and its declared encoding) is complete.
  let head: Uint8Array | null = new Uint8Array(0);
  const feed = async (chunk: Uint8Array) => {
    decoder ??= decoderFor(chunk, source);
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: true });
    } catch {
      throw new IatiFileError(source, parser.line, parser.column, `the bytes are not valid ${decoder.encoding}`);
    }
    parser.write(decoded);
    if (failure) throw failure;
    await drain();
  };
  /** The decoder's last bytes: a file may not end in the middle of a character. */
  const flush = () => {
    if (!decoder) return;
    try {
      parser.write(decoder.decode());
    } catch {
      throw new IatiFileError(source, parser.line, parser.column, 'the file ends in the middle of a character');
    }
  };
  /** Hands the activities read so far to the caller, in order. */
  const drain = async () => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) await onProgram(next);
  };
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > options.maxBytes)
      throw new IatiFileError(source, parser.line, parser.column, `the file is larger than ${options.maxBytes} bytes`);
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
  parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new IatiFileError(source, 1, 1, 'the file is empty or has no <iati-activities> element');
  await drain();
  return info;
}
