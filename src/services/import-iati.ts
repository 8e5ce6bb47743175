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
import type { ImportWarning } from '../domain/import/problem-messages.js';

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

/** A problem's code and params. */
interface ProblemCode {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** How the file names an organisation: its reference, else its name (for the rules, before the registry is asked). */
const referenceOf = (o: IatiOrgRef): string => o.ref ?? o.name ?? '';

const partnerOf = (p: MappedIatiActivity['partners'][number]): ProgramPartner => ({
  org: referenceOf(p.org),
  iatiRole: p.iatiRole,
  sscRole: p.sscRole,
  contributionMinor: null,
  currency: null,
  inKind: false,
});

/** One partner per organisation and role (two names of one registered organisation are one partner). */
function dedupePartners(partners: readonly ProgramPartner[]): ProgramPartner[] {
  const result: ProgramPartner[] = [];
  for (const p of partners) if (!result.some((x) => x.org === p.org && x.iatiRole === p.iatiRole)) result.push(p);
  return result;
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

  private error(m: MappedIatiActivity, column: string, problem: ProblemCode, message: string, value?: string): void {
    this.ctx.errors.add({
      line: m.line,
      column,
      ...(m.identifier ? { record: m.identifier } : {}),
      ...(value !== undefined ? { value: value.length > 100 ? `${value.slice(0, 100)}…` : value } : {}),
      code: problem.code,
      ...(problem.params ? { params: problem.params } : {}),
      message,
    });
  }

  /**
   * Checks every activity of the chunk whole (the mapping's issues, the identifier, the rules and
   * the registry's programs) and writes the valid ones. Organisations are registered only for
   * valid activities: the rules see the file's references in their place.
   */
  async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = [];
    if (chunk.length === 0) return;
    const { repos, counts } = this.ctx;
    const states = await repos.programs.importStates([...new Set(chunk.map((m) => m.identifier).filter(Boolean))]);
    const inserts: ProgramWrite[] = [];
    const touched: number[] = [];
    for (const m of chunk) {
      const before = this.ctx.errors.count;
      for (const i of m.issues) this.error(m, i.field, i, i.message, i.value);
      if (m.identifier) {
        const first = this.seen.get(m.identifier);
        if (first !== undefined) {
          this.error(
            m,
            'iati-identifier',
            { code: 'duplicate_in_file', params: { value: m.identifier, line: first } },
            `"${m.identifier}" already appears on line ${first} of this file`,
          );
        } else this.seen.set(m.identifier, m.line);
      }
      const reported = new Set(m.issues.map((i) => i.field));
      const draft: ProgramData = {
        ...m.data,
        implementingOrg: m.implementing ? referenceOf(m.implementing) : null,
        partners: dedupePartners(m.partners.map(partnerOf)),
      };
      for (const i of checkProgramRules(draft)) {
        const field = iatiFieldOf(i.path);
        if (!reported.has(field)) this.error(m, field, { code: i.code ?? 'invalid', ...(i.params ? { params: i.params } : {}) }, i.message);
      }
      const state = m.identifier ? states.get(m.identifier) : undefined;
      if (state && state.source !== 'iati') {
        this.error(
          m,
          'iati-identifier',
          { code: 'mitra_program' },
          'is the identifier of a program entered in Mitra: an imported activity does not replace it',
        );
      }
      const invalid = this.ctx.errors.count > before;
      if (state && state.source !== 'iati') continue;
      let data: ProgramData | undefined;
      let details: IatiDetails | undefined;
      if (!invalid) {
        const partners: ProgramPartner[] = [];
        for (const p of m.partners) partners.push({ ...partnerOf(p), org: await this.orgs.codeOf(p.org) });
        const implementingOrg = m.implementing ? await this.orgs.codeOf(m.implementing) : null;
        data = { ...m.data, implementingOrg, partners: dedupePartners(partners) };
        details = { ...m.details, fingerprint: fingerprint(data, m.details) };
        // An embassy or a recipient's institution registered before does not implement programs.
        for (const i of checkImplementer(this.orgs.implementer(implementingOrg))) {
          this.error(m, iatiFieldOf(i.path), { code: i.code ?? 'invalid', ...(i.params ? { params: i.params } : {}) }, i.message);
        }
      }
      // A changed (or invalid) activity must keep the countries its stored participants come from.
      if (state && (invalid || state.fingerprint !== details?.fingerprint)) {
        const countries = new Set(m.data.recipients.map((r) => r.country));
        const orphaned = (await repos.participants.countriesOf(state.id)).filter((c) => !countries.has(c));
        if (orphaned.length) {
          this.error(
            m,
            'recipient-country',
            { code: 'participants_from_country', params: { countries: orphaned.join(', ') } },
            `participants of this program come from ${orphaned.join(', ')}, which the file no longer lists`,
          );
        }
      }
      if (this.ctx.errors.count > before || !data || !details) continue;
      const write: ProgramWrite = { data, now: this.ctx.now, importBatchId: this.ctx.batchId, source: 'iati', iatiDetails: details };
      if (!state) {
        inserts.push(write);
        counts.inserted++;
      } else if (state.fingerprint === details.fingerprint) {
        counts.unchanged++;
      } else {
        await repos.programs.update(state.id, state.version, write);
        touched.push(state.id);
        counts.updated++;
      }
    }
    const ids = await repos.programs.insertMany(inserts);
    await repos.reportFacts.refresh([...touched, ...ids.values()]);
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
  return runImport(deps, 'iati', source, options, async (ctx) => {
    const writer = new IatiWriter(ctx, options);
    const info = await source.read((raw) => writer.add(raw));
    await writer.flush();
    ctx.warnings.push(...writer.unknownWarnings());
    if (info.version && !['2.01', '2.02', '2.03'].includes(info.version)) {
      ctx.warnings.push({
        code: 'iati_version',
        params: { version: info.version },
        message: `the file declares IATI version ${info.version}; Mitra reads 2.01 to 2.03`,
      });
    }
    Object.assign(ctx.file, {
      iatiVersion: info.version,
      generated: info.generated,
      publishers: [...writer.publishers].map(([publisher, activities]) => ({ publisher, activities })),
    });
  });
}
