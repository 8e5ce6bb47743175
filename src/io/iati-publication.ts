/**
 * The IATI files Mitra publishes (`mitra iati publish`): a plan of datasets, each with its
 * Registry name, kind (activity | organisation) and a writer of its document, measured first so
 * that every file stays within the size limit (domain/iati/publication.ts splits), then written
 * with a manifest (io/iati-publish-dir.ts). Every file's content follows from the data alone —
 * `generated-datetime` is the newest change of the programs in it — so publishing unchanged data
 * again gives the same bytes.
 */
import { datasetName, splitActivities, type DatasetKind, type RegistryPublisher } from '../domain/iati/publication.js';
import { ANONYMOUS } from '../domain/access/actor.js';
import { checkIatiNode, type IatiFinding } from '../domain/iati/rulesets/evaluate.js';
import { IatiChecksTally } from '../domain/iati/rulesets/tally.js';
import { checkIatiActivities } from '../services/iati-checks.js';
import { actingAs } from '../services/deps.js';
import type { IatiExportDeps, IatiPublisher } from '../services/iati-export.js';
import { iatiOrganisationFile, type IatiOrganisationDeps } from '../services/iati-organisation.js';
import { publicActivities } from '../services/iati-publish.js';
import { iatiOrganisationDocument } from './iati-write.js';
import type { XmlNode } from '../domain/iati/xml-node.js';
import { escapeXmlAttr, xmlOf } from './xml-write.js';

/** One file to publish. The organisation file (`<publisher>-org`) is one more entry of this kind. */
export interface DatasetPlan {
  readonly name: string;
  readonly title: string;
  readonly kind: DatasetKind;
  readonly fileName: string;
  readonly activityCount: number | null;
  readonly lastUpdated: string;
  readonly country: string | null;
  /** Bytes the file will have, when known before writing (activity files). */
  readonly expectedBytes: number | null;
  /** The document, produced when written. */
  document(): AsyncIterable<string> | Promise<string | AsyncIterable<string>>;
}

export interface PublicationPlan {
  readonly publisher: RegistryPublisher;
  readonly datasets: readonly DatasetPlan[];
  /** Programs left out: no date at all (IATI requires an activity-date). */
  readonly undated: readonly string[];
  /** Files over the limit because one activity alone is bigger (an activity is never cut). */
  readonly oversized: readonly string[];
  /** The IATI Standard's ruleset and codelist checks of what is published (domain/iati/rulesets). */
  readonly checks: PublicationChecks;
}

/** What the checks found in the files to publish: counts, the most frequent rules, the organisation file's findings. */
export interface PublicationChecks {
  readonly activities: number;
  readonly withErrors: number;
  readonly withWarnings: number;
  /** Rules broken, errors first, then the most frequent: how many activities break each. */
  readonly rules: readonly {
    readonly ruleId: string;
    readonly severity: IatiFinding['severity'];
    readonly message: string;
    readonly activities: number;
  }[];
  readonly organisation: readonly IatiFinding[];
}

/** What the checks found, errors first, then the most frequent rules. */
function publicationChecks(tally: IatiChecksTally, organisation: readonly IatiFinding[]): PublicationChecks {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const rules = tally
    .rules()
    .map(({ ruleId, severity, message, count: activities }) => ({ ruleId, severity, message, activities }))
    .sort((a, b) => order[a.severity] - order[b.severity] || b.activities - a.activities || (a.ruleId < b.ruleId ? -1 : 1));
  return { activities: tally.checked, withErrors: tally.withErrors, withWarnings: tally.withWarnings, rules, organisation };
}

export interface PublicationOptions {
  readonly publisher: IatiPublisher;
  /** The publisher's name on the IATI Registry (MITRA_IATI_PUBLISHER_NAME). */
  readonly registryName: string;
  readonly maxBytes: number;
  /** Where the annual reports are reached (MITRA_PUBLIC_URL when set): the organisation file links them. */
  readonly publicUrl?: string | null;
}

/** What publishing reads: the programs for the activity files, their money and rates for the organisation file. */
export type PublicationDeps = IatiExportDeps & IatiOrganisationDeps;

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function header(generatedAt: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${escapeXmlAttr(generatedAt)}">\n`;
}
const FOOTER = '</iati-activities>\n';

interface Measured {
  readonly id: number;
  readonly identifier: string;
  readonly year: number;
  readonly updatedAt: string;
  readonly bytes: number;
  readonly country: string | null;
}

export class PublicationChangedError extends Error {
  constructor(readonly dataset: string) {
    super(`programs changed while ${dataset} was being written; publish again`);
    this.name = 'PublicationChangedError';
  }
}

/** Measures every public activity and splits them into files within `maxBytes`. */
export async function planPublication(deps: PublicationDeps, options: PublicationOptions): Promise<PublicationPlan> {
  const { publisher, registryName, maxBytes } = options;
  const undated: string[] = [];
  const measured: Measured[] = [];
  // What the IATI Validator would say of the files, checked as they are measured.
  const now = deps.clock.nowIso();
  const tally = new IatiChecksTally();
  for await (const page of publicActivities(deps, publisher, { undated })) {
    const checked = checkIatiActivities(
      page.map((a) => a.node),
      now,
    );
    for (const c of checked) tally.add(c.findings);
    for (const a of page)
      measured.push({
        id: a.id,
        identifier: a.identifier,
        year: a.year,
        updatedAt: a.updatedAt,
        bytes: utf8Bytes(xmlOf(a.node, 1)),
        country: a.countries.length === 1 ? a.countries[0]! : null,
      });
  }
  // By year, then identifier: the same data always gives the same files.
  measured.sort((a, b) => a.year - b.year || (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
  // A file's header holds its newest change: the longest timestamp bounds every header.
  const longest = measured.reduce((s, a) => (a.updatedAt.length > s.length ? a.updatedAt : s), '');
  const overhead = utf8Bytes(header(longest)) + utf8Bytes(FOOTER);
  const name = publisher.nameEn;
  const datasets: DatasetPlan[] = [];
  const oversized: string[] = [];
  for (const part of splitActivities(measured, overhead, maxBytes)) {
    const items = measured.slice(part.start, part.end);
    const lastUpdated = items.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), items[0]!.updatedAt);
    const countries = new Set(items.map((a) => a.country));
    const dataset = datasetName(registryName, part.suffix);
    const partNo = /-(\d+)$/.exec(part.suffix)?.[1];
    const title =
      part.year === null ? `${name}: IATI activities` : `${name}: IATI activities ${part.year}${partNo ? ` (part ${partNo})` : ''}`;
    const expectedBytes = utf8Bytes(header(lastUpdated)) + utf8Bytes(FOOTER) + part.bytes;
    if (expectedBytes > maxBytes) oversized.push(dataset);
    datasets.push({
      name: dataset,
      title,
      kind: 'activity',
      fileName: `${dataset}.xml`,
      activityCount: items.length,
      lastUpdated,
      country: countries.size === 1 ? ([...countries][0] ?? null) : null,
      expectedBytes,
      document: () => activityDocument(deps, publisher, dataset, items, lastUpdated),
    });
  }
  const organisation = await organisationDataset(deps, options, measured);
  datasets.push(organisation.plan);
  return {
    publisher: { ref: publisher.ref, registryName, nameEn: publisher.nameEn, nameId: publisher.nameId },
    datasets,
    undated,
    oversized,
    checks: publicationChecks(tally, checkIatiNode(organisation.node, now)),
  };
}

/** An activity file: its programs read again, checked to be those measured. */
async function* activityDocument(
  deps: IatiExportDeps,
  publisher: IatiPublisher,
  dataset: string,
  items: readonly Measured[],
  generatedAt: string,
): AsyncGenerator<string> {
  yield header(generatedAt);
  let n = 0;
  for await (const page of publicActivities(deps, publisher, { ids: items.map((a) => a.id) })) {
    let chunk = '';
    for (const a of page) {
      const expected = items[n++];
      if (!expected || expected.id !== a.id || expected.updatedAt !== a.updatedAt) throw new PublicationChangedError(dataset);
      chunk += xmlOf(a.node, 1);
    }
    yield chunk;
  }
  if (n !== items.length) throw new PublicationChangedError(dataset);
  yield FOOTER;
}

/**
 * The organisation file (`<publisher>-org`): the figures of the programs the public may see, in
 * US dollars, dated by their newest change (not the clock), so that unchanged data gives the same
 * bytes. A few dozen figures: it is built whole.
 */
async function organisationDataset(
  deps: PublicationDeps,
  options: PublicationOptions,
  measured: readonly Measured[],
): Promise<{ plan: DatasetPlan; node: XmlNode }> {
  const lastUpdated = measured.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), '') || '1970-01-01T00:00:00.000Z';
  const file = await iatiOrganisationFile(actingAs(deps, ANONYMOUS), {
    publisher: options.publisher,
    publicUrl: options.publicUrl ?? null,
    generatedAt: lastUpdated,
  });
  const text = iatiOrganisationDocument(file);
  const name = datasetName(options.registryName, 'org');
  const plan: DatasetPlan = {
    name,
    title: `${options.publisher.nameEn}: IATI organisation file`,
    kind: 'organisation',
    fileName: `${name}.xml`,
    activityCount: null,
    lastUpdated,
    country: null,
    expectedBytes: utf8Bytes(text),
    document: () => Promise.resolve(text),
  };
  return { plan, node: file.organisation };
}
