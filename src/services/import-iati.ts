/**
 * Import of other publishers' IATI activity files (issue 22). The file is streamed: activities
 * are mapped as they are read and written in chunks, in one transaction, into the space of other
 * providers' data (other-providers.ports.ts), never into the providing country's own programs:
 * own reports, exports and priorities do not see them. Reading is tolerant: an activity that only
 * breaks a ruleset rule is kept as published with a warning naming it, its line and the rule; an
 * activity Mitra cannot represent is refused alone, with its line (domain/iati/imported-activity.ts).
 * `allOrNothing` writes nothing when one is refused. A file that is not well-formed XML always
 * writes nothing. An activity is found again by its identifier, so a re-import writes nothing for
 * what is unchanged; the publisher is one source whatever its files are called.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { classifyImported, hasPublisherPrefix, type ImportedActivity } from '../domain/iati/imported-activity.js';
import { mapIatiActivity } from '../domain/iati/program-from-iati.js';
import { preferred } from '../domain/iati/iati-values.js';
import { iatiVersionWarning } from '../domain/iati/versions.js';
import type { RawIatiActivity } from '../domain/iati/raw-activity.js';
import type { ImportWarning } from '../domain/import/problem-messages.js';
import { actorUserId } from '../domain/access/actor.js';
import { runImport, type ImportContext, type ImportDeps, type ImportOptions, type ImportReport } from './imports.js';
import type { ImportedWrite } from './other-providers.ports.js';
import { providerRefs } from './other-providers.js';

/** The repositories an IATI import writes through. */
type IatiImport = 'otherProviders' | 'organisations';

/** Activities mapped and written together. */
export const IATI_CHUNK = 100;
/** Unrecognised codes listed one by one in the report; the rest are counted. */
const MAX_UNKNOWN_LISTED = 50;
/** Activity warnings listed one by one in the report (every one is kept with its activity). */
const MAX_WARNINGS_LISTED = 500;

/** The file as the importer reads it (see io/iati-read.ts). */
export interface IatiSource {
  readonly name: string;
  read(onProgram: (activity: RawIatiActivity) => Promise<void> | void): Promise<{ version: string | null; generated: string | null }>;
  sha256(): string | null;
}

export interface IatiImportOptions extends Omit<ImportOptions, 'partial'> {
  /** The providing country's IATI reporting-org identifier (its own files are the provider's). */
  readonly ownReportingRef?: string | null;
  /** Write nothing when an activity is refused (by default only that activity is left out). */
  readonly allOrNothing?: boolean;
  /** Kept for callers of the older option: a refused activity never stops the others now. */
  readonly partial?: boolean;
}

/**
 * A copy of a string that keeps none of the file's text alive. V8 keeps a substring of 13
 * characters or more as a view of the string it was cut from, here a whole decoded chunk of the
 * file (256 KiB or more): an identifier kept until the end of the file would keep its chunk, and
 * the whole file would stay in memory (a file of 20,000 activities took 570 MB). Only what is
 * kept beyond its chunk of activities is copied (identifiers seen, warnings listed, codes counted).
 */
const detached = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');
/** A copy of plain data (strings, numbers, null) whose strings are detached. */
const detachedCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A publisher's key: its identifier, else its name (lower case). */
const publisherKey = (ref: string | null, name: string | null): string =>
  ref ? ref.trim().toLowerCase() : `name:${(name ?? '(unnamed)').trim().toLowerCase()}`;

/**
 * Changes whenever what an activity becomes changes (its mapping, its rules): activities stored
 * under another version are mapped and written again by the next import of their file.
 */
const MAPPING_VERSION = 'imported-activity 1';

/**
 * The fingerprint of an activity as read (with its line), which a re-import compares before it
 * maps anything: an activity read exactly as before is recognised without being mapped again. It
 * is the reader's digest of the activity's bytes (io/iati-read.ts) when there is one, else the
 * activity as read, serialised (160 ms more for the 52 MB USAID file).
 */
const rawFingerprint = (raw: RawIatiActivity): string =>
  raw.digest !== undefined
    ? createHash('sha1').update(MAPPING_VERSION).update('\nbytes ').update(raw.digest).digest('base64url')
    : createHash('sha1').update(MAPPING_VERSION).update(JSON.stringify(raw)).digest('base64url');

/** The activity's record and warnings as JSON, serialised once: they are stored as they are. */
const serialised = (a: ImportedActivity): ImportedWrite['json'] => ({
  record: JSON.stringify(a.record),
  warnings: JSON.stringify(a.warnings),
});

/** The reporting organisation of an activity as read: its identifier and its name as the mapping takes them. */
function reportingOf(raw: RawIatiActivity): { ref: string | null; name: string | null } {
  return {
    ref: raw.reportingOrg?.ref?.trim() || null,
    name: raw.reportingOrg ? (preferred(raw.reportingOrg.names, raw.defaultLang)?.text ?? null) : null,
  };
}

class IatiWriter {
  private pending: RawIatiActivity[] = [];
  private readonly seen = new Map<string, number>();
  private readonly publisherIds = new Map<string, number>();
  private readonly datasetIds = new Map<number, number>();
  /** Datasets that gained or lost activities (their counts are taken again at the end). */
  readonly touchedDatasets = new Set<number>();
  readonly unknown = new Map<string, { what: string; code: string; activities: number; firstLine: number }>();
  readonly publishers = new Map<
    string,
    { ref: string | null; name: string | null; activities: number; provider: boolean; misprefixed: number }
  >();
  readonly warningList: ImportWarning[] = [];
  readonly rules = new Map<
    string,
    { rule: string | null; code: string; field: string; activities: number; line: number; record: string }
  >();
  warningCount = 0;
  refused = 0;

  constructor(
    private readonly ctx: ImportContext<IatiImport>,
    private readonly source: IatiSource,
    private readonly providerRefs: ReadonlySet<string>,
  ) {}

  async add(raw: RawIatiActivity): Promise<void> {
    this.ctx.counts.rows++;
    this.pending.push(raw);
    if (this.pending.length >= IATI_CHUNK) await this.flush();
  }

  /** Maps and classifies an activity; undefined when it is refused (each reason is an error of the import). */
  private classify(raw: RawIatiActivity): ImportedActivity | undefined {
    const mapped = mapIatiActivity(raw, { ownReportingRef: null });
    for (const u of new Map(mapped.unknown.map((x) => [`${x.what}|${x.code}`, x])).values()) {
      const key = `${u.what}|${u.code}`;
      const entry = this.unknown.get(key);
      if (entry) entry.activities++;
      else this.unknown.set(detached(key), { what: u.what, code: detached(u.code), activities: 1, firstLine: raw.line });
    }
    const { refusals, activity } = classifyImported(raw, mapped);
    const before = this.ctx.errors.count;
    for (const i of refusals) {
      this.ctx.errors.add(
        detachedCopy({
          line: raw.line,
          column: i.field,
          ...(activity.identifier ? { record: activity.identifier } : {}),
          ...(i.value !== undefined ? { value: i.value.length > 100 ? `${i.value.slice(0, 100)}…` : i.value } : {}),
          code: i.code,
          ...(i.params ? { params: i.params } : {}),
          message: i.message,
        }),
      );
    }
    if (activity.identifier) {
      const first = this.seen.get(activity.identifier);
      if (first !== undefined) {
        this.ctx.errors.add(
          detachedCopy({
            line: raw.line,
            column: 'iati-identifier',
            record: activity.identifier,
            code: 'duplicate_in_file',
            params: { value: activity.identifier, line: first },
            message: `"${activity.identifier}" already appears on line ${first} of this file`,
          }),
        );
      } else this.seen.set(detached(activity.identifier), raw.line);
    }
    if (this.ctx.errors.count > before) {
      this.refused++;
      return undefined;
    }
    this.note(activity);
    return activity;
  }

  private publisher(ref: string | null, name: string | null) {
    const key = publisherKey(ref, name);
    let p = this.publishers.get(key);
    if (!p) {
      const provider = Boolean(ref && this.providerRefs.has(ref.toLowerCase()));
      p = detachedCopy({ ref, name, activities: 0, provider, misprefixed: 0 });
      this.publishers.set(detached(key), p);
    }
    return p;
  }

  /** Counts the activity's publisher and lists its warnings. */
  private note(a: Pick<ImportedActivity, 'identifier' | 'line' | 'reportingRef' | 'reportingName' | 'prefixOk' | 'warnings'>): void {
    const p = this.publisher(a.reportingRef, a.reportingName);
    p.activities++;
    if (p.provider && !a.prefixOk) p.misprefixed++;
    for (const w of a.warnings) {
      this.warningCount++;
      // "budget 2 / period-end" and "budget 1 / period-end" break one rule on one element.
      const field = w.field.replace(/ \d+/g, '');
      const ruleKey = `${w.rule ?? w.code}|${field}`;
      const r = this.rules.get(ruleKey);
      if (r) r.activities++;
      else
        this.rules.set(
          detached(ruleKey),
          detachedCopy({
            rule: w.rule,
            code: w.code,
            field,
            activities: 1,
            line: a.line,
            record: a.identifier,
          }),
        );
      if (this.warningList.length < MAX_WARNINGS_LISTED) {
        this.warningList.push(
          detachedCopy({
            code: 'iati_activity_warning',
            params: {
              record: a.identifier,
              line: a.line,
              field: w.field,
              code: w.code,
              rule: w.rule ?? '',
              reason: w.message,
              ...(w.params ?? {}),
            },
            message: `activity ${a.identifier} (line ${a.line}), ${w.field}: ${w.message}${w.rule ? ` [IATI rule ${w.rule}]` : ''} — imported as published`,
          }),
        );
      }
    }
  }

  private async publisherId(ref: string | null, name: string | null): Promise<number> {
    const key = publisherKey(ref, name);
    let id = this.publisherIds.get(key);
    if (id === undefined) {
      id = await this.ctx.repos.otherProviders.savePublisher({ key, ref, name }, this.ctx.now);
      this.publisherIds.set(detached(key), id);
    }
    return id;
  }

  /** The dataset this file is for its publisher: the one it delivered before under this name or content, else a new one. */
  private async datasetId(publisherId: number): Promise<number> {
    let id = this.datasetIds.get(publisherId);
    if (id === undefined) {
      const repo = this.ctx.repos.otherProviders;
      const found = await repo.findDataset(publisherId, basename(this.source.name), null);
      id = found?.id ?? (await repo.createDataset(publisherId, this.datasetWrite(0)));
      this.datasetIds.set(publisherId, id);
      this.touchedDatasets.add(id);
    }
    return id;
  }

  /** The datasets this file delivers (one per publisher in it). */
  delivered(): number[] {
    return [...this.datasetIds.values()];
  }

  datasetWrite(refused: number, info?: { version: string | null; generated: string | null }) {
    return {
      fileName: basename(this.source.name),
      sha256: this.source.sha256(),
      iatiVersion: info?.version ?? null,
      generatedAt: info?.generated ?? null,
      importedAt: this.ctx.now,
      importedBy: this.ctx.options.userId ?? null,
      importBatchId: this.ctx.batchId,
      refused,
    };
  }

  /**
   * Writes the chunk: an activity read exactly as stored is left alone (or follows this file when
   * another file of its publisher held it), without being mapped again; the others are mapped and
   * classified, and inserted or replaced.
   */
  async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = [];
    if (chunk.length === 0) return;
    const { repos, counts, now } = this.ctx;
    const repo = repos.otherProviders;
    const states = await repo.states([...new Set(chunk.map((r) => r.identifier.trim()).filter(Boolean))]);
    const inserts: ImportedWrite[] = [];
    const replaces: (ImportedWrite & { id: number })[] = [];
    const moves = new Map<string, { ids: number[]; datasetId: number; publisherId: number }>();
    const move = (stateId: number, from: number, datasetId: number, publisherId: number) => {
      const key = `${datasetId}|${publisherId}`;
      const entry = moves.get(key) ?? { ids: [], datasetId, publisherId };
      entry.ids.push(stateId);
      moves.set(key, entry);
      this.touchedDatasets.add(from);
      counts.updated++;
    };
    for (const raw of chunk) {
      const identifier = raw.identifier.trim();
      const fingerprint = rawFingerprint(raw);
      const state = identifier ? states.get(identifier) : undefined;
      if (state && state.fingerprint === fingerprint && !this.seen.has(identifier)) {
        // Counted and its warnings listed as for a new one, from what is stored.
        this.seen.set(detached(identifier), raw.line);
        const { ref, name } = reportingOf(raw);
        const prefixOk = hasPublisherPrefix(identifier, ref);
        this.note({ identifier, line: raw.line, reportingRef: ref, reportingName: name, prefixOk, warnings: state.warnings });
        const publisherId = await this.publisherId(ref, name);
        const datasetId = await this.datasetId(publisherId);
        // The same activity, now delivered by another file of its publisher: it follows the file.
        if (state.datasetId !== datasetId) move(state.id, state.datasetId, datasetId, publisherId);
        else counts.unchanged++;
        continue;
      }
      const activity = this.classify(raw);
      if (!activity) continue;
      const publisherId = await this.publisherId(activity.reportingRef, activity.reportingName);
      const datasetId = await this.datasetId(publisherId);
      const write: ImportedWrite = { activity, datasetId, publisherId, json: serialised(activity), fingerprint, now };
      if (!state) {
        inserts.push(write);
        counts.inserted++;
      } else {
        replaces.push({ ...write, id: state.id });
        this.touchedDatasets.add(state.datasetId);
        counts.updated++;
      }
    }
    await repo.insertMany(inserts);
    await repo.replaceMany(replaces);
    for (const m of moves.values()) await repo.move(m.ids, m.datasetId, m.publisherId, now);
  }

  /** The report's warnings: a line per rule broken, then the activities' warnings one by one. */
  warnings(): ImportWarning[] {
    const out: ImportWarning[] = [];
    for (const [, p] of this.publishers) {
      if (!p.misprefixed) continue;
      const publisher = p.ref ?? p.name ?? '';
      out.push({
        code: 'iati_not_provider_prefix',
        params: { publisher, activities: p.misprefixed },
        message: `${p.misprefixed} activities of the provider's own publisher ${publisher} do not begin with its organisation identifier: kept apart, they cannot become own programs`,
      });
    }
    for (const r of [...this.rules.values()].sort((a, b) => b.activities - a.activities)) {
      out.push({
        code: 'iati_rule_summary',
        params: { rule: r.rule ?? '', code: r.code, field: r.field, activities: r.activities, line: r.line, record: r.record },
        message: `${r.activities} activit${r.activities === 1 ? 'y breaks' : 'ies break'} ${r.rule ? `IATI rule ${r.rule}` : `rule "${r.code}"`} (${r.field}; first ${r.record} on line ${r.line}): imported with a warning`,
      });
    }
    out.push(...this.warningList);
    if (this.warningCount > this.warningList.length) {
      const count = this.warningCount - this.warningList.length;
      out.push({
        code: 'more_activity_warnings',
        params: { count },
        message: `… and ${count} more warnings (each is kept with its activity)`,
      });
    }
    return out;
  }

  /** The file's unrecognised codes, one line each (the most frequent first). */
  unknownWarnings(): ImportWarning[] {
    const list = [...this.unknown.values()].sort((a, b) => b.activities - a.activities || a.firstLine - b.firstLine);
    const lines: ImportWarning[] = list.slice(0, MAX_UNKNOWN_LISTED).map((u) => ({
      code: 'unknown_iati_code',
      params: { what: u.what, value: u.code, activities: u.activities, line: u.firstLine },
      message: `${u.what} "${u.code}" is not in Mitra's lists: kept as written in the IATI details of ${u.activities} activit${u.activities === 1 ? 'y' : 'ies'} (first on line ${u.firstLine})`,
    }));
    if (list.length > MAX_UNKNOWN_LISTED) {
      const count = list.length - MAX_UNKNOWN_LISTED;
      lines.push({ code: 'more_unknown_codes', params: { count }, message: `… and ${count} more unrecognised codes` });
    }
    return lines;
  }
}

export async function importIati(deps: ImportDeps<IatiImport>, source: IatiSource, options: IatiImportOptions = {}): Promise<ImportReport> {
  const { allOrNothing, ...rest } = options;
  const importOptions: ImportOptions = { ...rest, partial: !allOrNothing, userId: options.userId ?? actorUserId(deps.actor) };
  return runImport(deps, 'iati', source, importOptions, async (ctx) => {
    const writer = new IatiWriter(ctx, source, await providerRefs(ctx.repos, options.ownReportingRef));
    const info = await source.read((raw) => writer.add(raw));
    await writer.flush();
    const repo = ctx.repos.otherProviders;
    await repo.settleTotals();
    // The datasets this file delivers take its name, content and date.
    for (const id of writer.delivered()) await repo.updateDataset(id, writer.datasetWrite(writer.refused, info));
    await repo.recount([...writer.touchedDatasets]);
    // A dataset whose activities all came again in this file (its publisher renamed the file) is this one now.
    for (const id of writer.touchedDatasets) {
      const d = await repo.dataset(id);
      if (d && d.activities === 0 && !writer.delivered().includes(id)) await repo.deleteDataset(id);
    }
    ctx.warnings.push(...writer.warnings(), ...writer.unknownWarnings());
    const versionWarning = iatiVersionWarning(info.version);
    if (versionWarning) ctx.warnings.push(versionWarning);
    Object.assign(ctx.file, {
      iatiVersion: info.version,
      generated: info.generated,
      publishers: [...writer.publishers.values()].map((p) => ({
        publisher: p.ref ?? p.name ?? '(none)',
        name: p.name,
        activities: p.activities,
        provider: p.provider,
      })),
      warnedActivities: writer.warningCount,
      refused: writer.refused,
    });
  });
}
