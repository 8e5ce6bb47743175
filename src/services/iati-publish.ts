/**
 * What `mitra iati publish` publishes: the programs the public may see (the public actor's scope
 * of exportPrograms: published stages only), as IATI activities with what the split and the
 * manifest need of each (year, last change, recipient countries). Read twice by the publisher
 * (io/iati-publication.ts): once to measure and split, once per file to write it, so that memory
 * holds a few numbers an activity, not the files.
 */
import { ANONYMOUS } from '../domain/access/actor.js';
import { isPublished } from '../domain/access/policy.js';
import { iatiActivityNode, type IatiOrg } from '../domain/iati/activity-xml.js';
import type { XmlNode } from '../domain/iati/xml-node.js';
import type { Program } from '../domain/program/program.js';
import { actingAs } from './deps.js';
import { documentLinksOf, type IatiExportDeps, type IatiPublisher } from './iati-export.js';
import { exportPrograms } from './programs.js';

export interface PublicActivity {
  readonly id: number;
  readonly identifier: string;
  readonly year: number;
  readonly updatedAt: string;
  readonly countries: readonly string[];
  readonly node: XmlNode;
}

const dateOf = (p: Program) => p.actualStart ?? p.plannedStart ?? p.actualEnd ?? p.plannedEnd;

/** The year a program is filed under: of its start (actual, else planned), else of its end. */
function yearOf(p: Program): number | null {
  const date = dateOf(p);
  return p.year ?? (date ? Number(date.slice(0, 4)) : null);
}

/**
 * The public's programs as activities, a page at a time: all of them in identifier order, or
 * those of `ids` in that order (a program no longer published is left out). Programs without any
 * date (IATI requires one) are left out and their identifiers added to `undated`.
 */
export async function* publicActivities(
  deps: IatiExportDeps,
  publisher: IatiPublisher,
  options: { ids?: readonly number[]; undated?: string[] } = {},
): AsyncGenerator<PublicActivity[]> {
  const reportingOrg: IatiOrg = { ref: publisher.ref, type: publisher.type, nameEn: publisher.nameEn, nameId: publisher.nameId };
  const orgs = new Map<string, IatiOrg>();
  for (const o of await deps.store.repos.organisations.list({}))
    orgs.set(o.code, { ref: o.code, type: o.type, nameEn: o.nameEn, nameId: o.nameId });
  const now = deps.clock.nowIso();
  const { ids } = options;
  async function* pages(): AsyncGenerator<Program[]> {
    if (!ids) {
      yield* exportPrograms(actingAs(deps, ANONYMOUS), { sort: { key: 'identifier', desc: false } });
      return;
    }
    for (let i = 0; i < ids.length; i += 500) {
      const found = new Map((await deps.store.repos.programs.findManyByIds(ids.slice(i, i + 500))).map((p) => [p.id, p]));
      yield ids
        .slice(i, i + 500)
        .map((id) => found.get(id))
        .filter((p): p is Program => p !== undefined && isPublished(p.lifecycleStage));
    }
  }
  for await (const all of pages()) {
    const page: Array<Program & { year: number }> = [];
    for (const p of all) {
      const year = yearOf(p);
      if (year === null) options.undated?.push(p.identifier);
      else page.push({ ...p, year });
    }
    const attendance = await deps.store.repos.participants.attendanceCounts(page.map((p) => p.id));
    const documents = await documentLinksOf(deps, page, publisher.publicUrl);
    const results = await deps.store.repos.results.getMany(page.map((p) => p.id));
    yield page.map((p) => ({
      id: p.id,
      identifier: p.identifier,
      year: p.year,
      updatedAt: p.updatedAt,
      countries: p.recipients.map((r) => r.country),
      node: iatiActivityNode(p, { reportingOrg, orgs, attendance, results, now, documents }),
    }));
  }
}
