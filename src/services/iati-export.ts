/**
 * Publishing programs as IATI 2.03 activities: the programs of a filter, page by page (memory
 * stays bounded), mapped by domain/iati/activity-xml.ts. The public gets published programs only.
 */
import type { ProgramListQuery } from '../domain/program/program-query.js';
import { iatiActivityNode, type IatiContext, type IatiOrg } from '../domain/iati/activity-xml.js';
import type { XmlNode } from '../domain/iati/xml-node.js';
import type { Program } from '../domain/program/program.js';
import type { Framework } from '../domain/results/framework.js';
import { exportPrograms, getProgram } from './programs.js';
import type { Deps } from './deps.js';

/** What an IATI export reads: the programs, the organisations they name, their participants' attendance and their results frameworks. */
export type IatiExportDeps = Deps<'programs' | 'organisations' | 'participants' | 'results'>;

export interface IatiPublisher {
  readonly ref: string;
  readonly nameEn: string;
  readonly nameId: string | null;
  /** IATI OrganisationType (10: government). */
  readonly type: string;
}

export interface IatiExport {
  readonly reportingOrg: IatiOrg;
  readonly generatedAt: string;
  /** The activities, a page at a time, in the filter's order. */
  readonly activities: AsyncGenerator<XmlNode[]>;
  /**
   * Identifiers of the programs left out because they have no date at all (IATI requires an
   * activity-date): filled while `activities` is read, complete once it is done.
   */
  readonly undated: string[];
}

/** IATI requires at least one activity-date; a program not yet planned (a fresh request) has none. */
export const hasIatiDate = (a: Program) => Boolean(a.plannedStart || a.actualStart || a.plannedEnd || a.actualEnd);
const hasDate = hasIatiDate;

/** What every activity of an export shares (the IATI checks build theirs the same way). */
export async function iatiExportContext(deps: Deps<'organisations'>, publisher: IatiPublisher): Promise<Omit<IatiContext, 'attendance'>> {
  const reportingOrg: IatiOrg = { ref: publisher.ref, type: publisher.type, nameEn: publisher.nameEn, nameId: publisher.nameId };
  const orgs = new Map<string, IatiOrg>();
  for (const o of await deps.store.repos.organisations.list({}))
    orgs.set(o.code, { ref: o.code, type: o.type, nameEn: o.nameEn, nameId: o.nameId });
  return { reportingOrg, orgs, now: deps.clock.nowIso() };
}

/** The activities of pages of programs (an edition's frozen programs, docs/bundle.md, or a filter's). */
export async function exportPages(
  deps: Deps<'organisations' | 'participants' | 'results'>,
  pages: AsyncIterable<Program[]>,
  publisher: IatiPublisher,
  options: { readonly frozenResults?: ReadonlyMap<number, Framework> } = {},
): Promise<IatiExport> {
  const { reportingOrg, orgs, now } = await iatiExportContext(deps, publisher);
  const undated: string[] = [];
  async function* activities(): AsyncGenerator<XmlNode[]> {
    for await (const all of pages) {
      const page = all.filter(hasDate);
      for (const a of all) if (!hasDate(a)) undated.push(a.identifier);
      const ids = page.map((a) => a.id);
      const attendance = await deps.store.repos.participants.attendanceCounts(ids);
      // An edition publishes the frameworks as frozen with its programs (docs/results.md).
      const results = options.frozenResults ?? (await deps.store.repos.results.getMany(ids));
      yield page.map((a) => iatiActivityNode(a, { reportingOrg, orgs, attendance, results, now }));
    }
  }
  return { reportingOrg, generatedAt: now, activities: activities(), undated };
}

export async function exportIati(
  deps: IatiExportDeps,
  query: Omit<ProgramListQuery, 'page' | 'pageSize'>,
  publisher: IatiPublisher,
): Promise<IatiExport> {
  return exportPages(deps, exportPrograms(deps, query), publisher);
}

/** One program as an IATI file (the public: a published one only). */
export async function exportIatiActivity(deps: IatiExportDeps, id: number, publisher: IatiPublisher): Promise<IatiExport> {
  const activity = await getProgram(deps, id);
  async function* one(): AsyncGenerator<Program[]> {
    yield [activity];
  }
  return exportPages(deps, one(), publisher);
}
