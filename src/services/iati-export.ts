/**
 * Publishing programs as IATI 2.03 activities: the programs of a filter, page by page (memory
 * stays bounded), mapped by domain/iati/activity-xml.ts. The public gets published programs only.
 */
import type { ProgramListQuery } from '../domain/program/program-query.js';
import { iatiActivityNode, type IatiContext, type IatiDocumentLink, type IatiOrg } from '../domain/iati/activity-xml.js';
import { isPublished } from '../domain/access/policy.js';
import { publicDocumentPath } from '../domain/program/document.js';
import type { XmlNode } from '../domain/iati/xml-node.js';
import type { Program } from '../domain/program/program.js';
import type { Framework } from '../domain/results/framework.js';
import { exportPrograms, getProgram } from './programs.js';
import type { Deps } from './deps.js';

/** What an IATI export reads: the programs, the organisations they name, their participants' attendance, their results frameworks and public documents. */
export type IatiExportDeps = Deps<'programs' | 'organisations' | 'participants' | 'results' | 'programDocuments'>;

export interface IatiPublisher {
  readonly ref: string;
  readonly nameEn: string;
  readonly nameId: string | null;
  /** IATI OrganisationType (10: government). */
  readonly type: string;
  /**
   * Where the public reaches this server (MITRA_PUBLIC_URL, no trailing slash): programs' public
   * documents are listed as document-link only when it is set (docs/documents.md).
   */
  readonly publicUrl?: string | null;
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
/** The public documents of the published programs of a page, as IATI document-link (none without a public URL). */
export async function documentLinksOf(
  deps: Deps<'programDocuments'>,
  page: readonly Program[],
  publicUrl: string | null | undefined,
): Promise<ReadonlyMap<number, readonly IatiDocumentLink[]>> {
  if (!publicUrl) return new Map();
  const published = page.filter((p) => isPublished(p.lifecycleStage)).map((p) => p.id);
  const documents = await deps.store.repos.programDocuments.publicOf(published);
  return new Map(
    [...documents].map(([id, docs]) => [
      id,
      docs.map((d) => ({
        url: `${publicUrl}${publicDocumentPath(d.id)}`,
        format: d.current.contentType,
        titleEn: d.titleEn,
        titleId: d.titleId,
        description: d.description,
        category: d.category,
        languages: d.languages,
        documentDate: d.documentDate,
      })),
    ]),
  );
}

export async function exportPages(
  deps: Deps<'organisations' | 'participants' | 'results'>,
  pages: AsyncIterable<Program[]>,
  publisher: IatiPublisher,
  options: {
    /** An edition publishes the frameworks as frozen with its programs (docs/results.md). */
    readonly frozenResults?: ReadonlyMap<number, Framework>;
    /** Where the programs' public documents are read (live programs); a frozen edition's file has none. */
    readonly documentsFrom?: Deps<'programDocuments'>;
  } = {},
): Promise<IatiExport> {
  const { reportingOrg, orgs, now } = await iatiExportContext(deps, publisher);
  const undated: string[] = [];
  async function* activities(): AsyncGenerator<XmlNode[]> {
    for await (const all of pages) {
      const page = all.filter(hasDate);
      for (const a of all) if (!hasDate(a)) undated.push(a.identifier);
      const ids = page.map((a) => a.id);
      const attendance = await deps.store.repos.participants.attendanceCounts(ids);
      const results = options.frozenResults ?? (await deps.store.repos.results.getMany(ids));
      const documents = options.documentsFrom ? await documentLinksOf(options.documentsFrom, page, publisher.publicUrl) : undefined;
      yield page.map((a) => iatiActivityNode(a, { reportingOrg, orgs, attendance, results, now, documents }));
    }
  }
  return { reportingOrg, generatedAt: now, activities: activities(), undated };
}

export async function exportIati(
  deps: IatiExportDeps,
  query: Omit<ProgramListQuery, 'page' | 'pageSize'>,
  publisher: IatiPublisher,
): Promise<IatiExport> {
  return exportPages(deps, exportPrograms(deps, query), publisher, { documentsFrom: deps });
}

/** One program as an IATI file (the public: a published one only). */
export async function exportIatiActivity(deps: IatiExportDeps, id: number, publisher: IatiPublisher): Promise<IatiExport> {
  const activity = await getProgram(deps, id);
  async function* one(): AsyncGenerator<Program[]> {
    yield [activity];
  }
  return exportPages(deps, one(), publisher, { documentsFrom: deps });
}
