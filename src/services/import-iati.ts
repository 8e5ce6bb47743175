/**
 * Import of a publisher's IATI activity file. The file is streamed: activities are mapped as
 * they are read and written in chunks, in one transaction. A program is found again by its IATI
 * identifier, so a re-import updates what changed and writes nothing for the rest. The file's
 * participating organisations are found in the registry by identifier (else by name) and
 * registered when unknown. Invalid activities make the import write nothing, unless `partial`
 * is asked for; a file that is not well-formed XML always writes nothing.
 */
import { createHash } from 'node:crypto';
import { checkImplementer, checkProgramRules } from '../domain/program/program.rules.js';
import type { ProgramData, ProgramPartner } from '../domain/program/program.js';
import type { IatiDetails } from '../domain/iati/iati-details.js';
import { iatiFieldOf, mapIatiActivity, type MappedIatiActivity } from '../domain/iati/program-from-iati.js';
import type { IatiOrgRef } from '../domain/iati/iati-participating-orgs.js';
import type { RawIatiActivity } from '../domain/iati/raw-activity.js';
import type { OrganisationKind } from '../domain/codes.js';
import { isCodeIn } from '../domain/reference/codelists.js';
import { LIMITS } from '../domain/schema-helpers.js';
import { codeFromName } from './import-programs.js';
import {
  registerImportedOrganisation,
  runImport,
  type ImportContext,
  type ImportDeps,
  type ImportOptions,
  type ImportReport,
} from './imports.js';
import type { ProgramWrite } from './programs.ports.js';

/** The repositories an IATI import writes through (the programs, the organisations it names, the facts). */
type IatiImport = 'organisations' | 'programs' | 'participants' | 'reportFacts';

/** Activities mapped and written together. */
export const IATI_CHUNK = 200;
/** Unrecognised codes listed one by one in the report; the rest are counted. */
const MAX_UNKNOWN_LISTED = 50;

/** The file as the importer reads it (see io/iati-read.ts). */
export interface IatiSource {
  readonly name: string;
  read(onProgram: (activity: RawIatiActivity) => Promise<void> | void): Promise<{ version: string | null; generated: string | null }>;
  sha256(): string | null;
}

export interface IatiImportOptions extends ImportOptions {
  /** Mitra's own reporting-org identifier (its own published identifiers map back to its programs). */
  readonly ownReportingRef?: string | null;
}

/** Finds the file's organisations in the registry, registering the unknown ones (cached per import). */
class IatiOrganisations {
  private readonly cache = new Map<string, string>();
  /** The kind of each organisation met, by code (to check the implementers). */
  private readonly kinds = new Map<string, OrganisationKind>();

  constructor(private readonly ctx: ImportContext<'organisations'>) {}

  /** The implementer's code and kind, for checkImplementer. */
  implementer(code: string | null): { code: string; kind: OrganisationKind } | undefined {
    const kind = code ? this.kinds.get(code) : undefined;
    return code && kind ? { code, kind } : undefined;
  }

  async codeOf(o: IatiOrgRef): Promise<string> {
    const key = o.ref ? `ref:${o.ref.toLowerCase()}` : `name:${(o.name ?? '').toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { organisations } = this.ctx.repos;
    const found = o.ref ? await organisations.findByCode(o.ref) : await organisations.findByName(o.name ?? '');
    let code = found?.code;
    if (found) this.kinds.set(found.code, found.kind);
    if (!code) {
      const name = (o.name ?? o.ref ?? '').slice(0, LIMITS.shortText);
      const type = o.type && isCodeIn('OrganisationType', o.type) ? o.type : '90';
      code = await registerImportedOrganisation(this.ctx, {
        base: o.ref ?? codeFromName(name, null),
        name,
        type,
        kind: 'partner',
        countryCode: null,
      });
    }
    this.cache.set(key, code);
    return code;
  }
}

function fingerprint(data: ProgramData, details: IatiDetails): string {
  return createHash('sha1')
    .update(JSON.stringify([data, details]))
    .digest('base64url');
}

class IatiWriter {
  private pending: MappedIatiActivity[] = [];
  private readonly seen = new Map<string, number>();
  private readonly orgs: IatiOrganisations;
  readonly unknown = new Map<string, { what: string; code: string; activities: number; firstLine: number }>();
  readonly publishers = new Map<string, number>();

  constructor(
    private readonly ctx: ImportContext<IatiImport>,
    private readonly options: IatiImportOptions,
  ) {
    this.orgs = new IatiOrganisations(ctx);
  }

  async add(raw: RawIatiActivity): Promise<void> {
    this.ctx.counts.rows++;
    const mapped = mapIatiActivity(raw, { ownReportingRef: this.options.ownReportingRef ?? null });
    const publisher = mapped.details.reportingOrg?.ref ?? mapped.details.reportingOrg?.name ?? '(none)';
    this.publishers.set(publisher, (this.publishers.get(publisher) ?? 0) + 1);
    for (const u of new Map(mapped.unknown.map((x) => [`${x.what}|${x.code}`, x])).values()) {
      const key = `${u.what}|${u.code}`;
      const entry = this.unknown.get(key);
      if (entry) entry.activities++;
      else this.unknown.set(key, { ...u, activities: 1, firstLine: raw.line });
    }
    this.pending.push(mapped);
    if (this.pending.length >= IATI_CHUNK) await this.flush();
  }

  private error(m: MappedIatiActivity, column: string, message: string, value?: string): void {
    this.ctx.errors.add({
      line: m.line,
      column,
      ...(m.identifier ? { record: m.identifier } : {}),
      ...(value !== undefined ? { value: value.length > 100 ? `${value.slice(0, 100)}…` : value } : {}),
      message,
    });
  }

  async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = [];
    if (chunk.length === 0) return;
    const { repos, counts } = this.ctx;
    const valid: { m: MappedIatiActivity; data: ProgramData }[] = [];
    for (const m of chunk) {
      const before = this.ctx.errors.count;
      for (const i of m.issues) this.error(m, i.field, i.message, i.value);
      if (m.identifier) {
        const first = this.seen.get(m.identifier);
        if (first !== undefined) this.error(m, 'iati-identifier', `"${m.identifier}" already appears on line ${first} of this file`);
        else this.seen.set(m.identifier, m.line);
      }
      if (this.ctx.errors.count > before) continue;
      const partners: ProgramPartner[] = [];
      for (const p of m.partners) {
        const org = await this.orgs.codeOf(p.org);
        // Two names of one registered organisation in one role are one partner.
        if (partners.some((x) => x.org === org && x.iatiRole === p.iatiRole)) continue;
        partners.push({ org, iatiRole: p.iatiRole, sscRole: p.sscRole, contributionMinor: null, currency: null, inKind: false });
      }
      const data: ProgramData = { ...m.data, implementingOrg: m.implementing ? await this.orgs.codeOf(m.implementing) : null, partners };
      const issues = [...checkProgramRules(data), ...checkImplementer(this.orgs.implementer(data.implementingOrg))];
      for (const i of issues) this.error(m, iatiFieldOf(i.path), i.message);
      if (issues.length === 0) valid.push({ m, data });
    }
    const states = await repos.programs.importStates(valid.map((v) => v.m.identifier));
    const inserts: ProgramWrite[] = [];
    const touched: number[] = [];
    for (const { m, data } of valid) {
      const details: IatiDetails = { ...m.details, fingerprint: fingerprint(data, m.details) };
      const state = states.get(m.identifier);
      const write: ProgramWrite = { data, now: this.ctx.now, importBatchId: this.ctx.batchId, source: 'iati', iatiDetails: details };
      if (!state) {
        inserts.push(write);
        counts.inserted++;
        continue;
      }
      if (state.source !== 'iati') {
        this.error(m, 'iati-identifier', 'is the identifier of a program entered in Mitra: an imported activity does not replace it');
        continue;
      }
      if (state.fingerprint === details.fingerprint) {
        counts.unchanged++;
        continue;
      }
      const countries = new Set(data.recipients.map((r) => r.country));
      const orphaned = (await repos.participants.countriesOf(state.id)).filter((c) => !countries.has(c));
      if (orphaned.length) {
        this.error(m, 'recipient-country', `participants of this program come from ${orphaned.join(', ')}, which the file no longer lists`);
        continue;
      }
      await repos.programs.update(state.id, state.version, write);
      touched.push(state.id);
      counts.updated++;
    }
    const ids = await repos.programs.insertMany(inserts);
    await repos.reportFacts.refresh([...touched, ...ids.values()]);
  }

  /** The file's unrecognised codes, one line each (the most frequent first). */
  unknownWarnings(): string[] {
    const list = [...this.unknown.values()].sort((a, b) => b.activities - a.activities || a.firstLine - b.firstLine);
    const lines = list
      .slice(0, MAX_UNKNOWN_LISTED)
      .map(
        (u) =>
          `${u.what} "${u.code}" is not in Mitra's lists: kept as written in the IATI details of ${u.activities} activit${u.activities === 1 ? 'y' : 'ies'} (first on line ${u.firstLine})`,
      );
    if (list.length > MAX_UNKNOWN_LISTED) lines.push(`… and ${list.length - MAX_UNKNOWN_LISTED} more unrecognised codes`);
    return lines;
  }
}

export async function importIati(deps: ImportDeps<IatiImport>, source: IatiSource, options: IatiImportOptions = {}): Promise<ImportReport> {
  return runImport(deps, 'iati', source, options, async (ctx) => {
    const writer = new IatiWriter(ctx, options);
    const info = await source.read((raw) => writer.add(raw));
    await writer.flush();
    ctx.warnings.push(...writer.unknownWarnings());
    if (info.version && !['2.01', '2.02', '2.03'].includes(info.version)) {
      ctx.warnings.push(`the file declares IATI version ${info.version}; Mitra reads 2.01 to 2.03`);
    }
    Object.assign(ctx.file, {
      iatiVersion: info.version,
      generated: info.generated,
      publishers: [...writer.publishers].map(([publisher, activities]) => ({ publisher, activities })),
    });
  });
}
