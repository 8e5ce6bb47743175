/**
 * Publishing IATI files the way the IATI Registry expects them (pure rules, no I/O): dataset
 * names (`<publisher>-<suffix>`, lowercase a-z 0-9 - _, at most 100 characters: the Registry's
 * CKAN package names), the split of activities into files under a size limit (by year, then a
 * year too big into numbered parts, never cutting an activity), and the Registry's metadata of a
 * dataset (CKAN package fields and the IATI extras).
 */

/** A Registry name: a publisher's or a dataset's (CKAN: 2–100 characters, lowercase a-z, 0-9, - and _). */
export const REGISTRY_NAME = /^[a-z0-9_-]{2,100}$/;
/** A publisher's Registry name leaves room for a suffix (`-2018-12`) within the 100 characters. */
export const PUBLISHER_NAME = /^[a-z0-9][a-z0-9_-]{1,79}$/;

/** Why a name is not a Registry name, or null when it is one. */
export function registryNameProblem(name: string): string | null {
  if (name.length < 2) return `"${name}" is shorter than 2 characters`;
  if (name.length > 100) return `"${name.slice(0, 40)}…" is longer than 100 characters (${name.length})`;
  const bad = [...new Set(name.replace(/[a-z0-9_-]/g, ''))];
  if (bad.length)
    return `"${name}" has characters the IATI Registry does not allow in a name: ${bad.map((c) => JSON.stringify(c)).join(' ')} (only a-z, 0-9, - and _)`;
  return null;
}

/** `<publisher>-<suffix>`, checked: the Registry refuses any other name. */
export function datasetName(publisher: string, suffix: string): string {
  const name = `${publisher}-${suffix}`;
  const problem = registryNameProblem(name);
  if (problem) throw new RangeError(`dataset name ${problem}`);
  return name;
}

export type DatasetKind = 'activity' | 'organisation';

/** One activity as the split sees it: its size in the file and its year. */
export interface SizedActivity {
  readonly year: number;
  /** Bytes of the activity's XML (UTF-8). */
  readonly bytes: number;
}

/** Consecutive activities (`[start, end)` of the list given) that go into one file. */
export interface FilePart {
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  readonly year: number | null;
  /** Bytes of the activities, without the file's header and footer. */
  readonly bytes: number;
}

/**
 * Cuts a run of activity sizes into groups whose total, plus `overhead` (the file's header and
 * footer), stays within `limit`. An activity bigger than the limit on its own gets a group of
 * its own (it cannot be cut); the caller says so.
 */
export function groupsWithin(sizes: readonly number[], overhead: number, limit: number): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  let start = 0;
  let total = overhead;
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && total + sizes[i]! > limit) {
      groups.push([start, i]);
      start = i;
      total = overhead;
    }
    total += sizes[i]!;
  }
  if (sizes.length > start) groups.push([start, sizes.length]);
  return groups;
}

const sum = (sizes: readonly number[], from: number, to: number) => sizes.slice(from, to).reduce((a, b) => a + b, 0);

/**
 * The files of a set of activities, given in their published order (by year, then identifier):
 * one file (`activities`) when all fit within `limit`, else one a year (`2018`), and a year that
 * does not fit by itself in numbered parts (`2018-1`, `2018-2`, …). The same list gives the same
 * files.
 */
export function splitActivities(activities: readonly SizedActivity[], overhead: number, limit: number): FilePart[] {
  for (let i = 1; i < activities.length; i++)
    if (activities[i]!.year < activities[i - 1]!.year) throw new RangeError('activities must be ordered by year');
  const sizes = activities.map((a) => a.bytes);
  const total = sum(sizes, 0, sizes.length);
  if (activities.length === 0) return [];
  if (total + overhead <= limit) return [{ suffix: 'activities', start: 0, end: activities.length, year: null, bytes: total }];
  const parts: FilePart[] = [];
  let start = 0;
  while (start < activities.length) {
    const year = activities[start]!.year;
    let end = start;
    while (end < activities.length && activities[end]!.year === year) end++;
    const groups = groupsWithin(sizes.slice(start, end), overhead, limit);
    groups.forEach(([from, to], n) =>
      parts.push({
        suffix: groups.length === 1 ? String(year) : `${year}-${n + 1}`,
        start: start + from,
        end: start + to,
        year,
        bytes: sum(sizes, start + from, start + to),
      }),
    );
    start = end;
  }
  return parts;
}

/** The publisher as the Registry and the manifest name it. */
export interface RegistryPublisher {
  /** IATI organisation identifier (reporting-org/@ref). */
  readonly ref: string;
  /** The publisher's name on the Registry (its CKAN organisation, `owner_org`). */
  readonly registryName: string;
  readonly nameEn: string;
  readonly nameId: string | null;
}

/** A dataset as published: what the manifest lists and the Registry is told. */
export interface PublishedDataset {
  readonly name: string;
  readonly title: string;
  readonly kind: DatasetKind;
  readonly fileName: string;
  /** Where the public fetches the file; null without a public address. */
  readonly url: string | null;
  /** Newest change of the data in it (ISO-8601), not when it was written. */
  readonly lastUpdated: string;
  /** Activities in an activity file; null for an organisation file. */
  readonly activityCount: number | null;
  /** The one recipient country of all its activities, else null (the Registry's `country`). */
  readonly country: string | null;
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly publisher: RegistryPublisher;
  readonly iatiVersion: '2.03';
  /** Newest change among the datasets: re-publishing unchanged data gives the same manifest. */
  readonly lastUpdated: string | null;
  readonly datasets: readonly PublishedDataset[];
}

export function manifestOf(publisher: RegistryPublisher, datasets: readonly PublishedDataset[]): Manifest {
  const lastUpdated = datasets.reduce<string | null>((max, d) => (max === null || d.lastUpdated > max ? d.lastUpdated : max), null);
  return { publisher, iatiVersion: '2.03', lastUpdated, datasets };
}

/** The Registry's `data_updated`: "YYYY-MM-DD HH:MM" in UTC. */
export function registryTimestamp(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

export interface RegistryPackage {
  readonly name: string;
  readonly title: string;
  readonly owner_org: string;
  readonly resources: ReadonlyArray<{ url: string; format: 'IATI-XML' }>;
  readonly extras: ReadonlyArray<{ key: string; value: string }>;
}

/** The CKAN package of a dataset, with the IATI Registry's extras. */
export function registryPackage(publisher: RegistryPublisher, dataset: PublishedDataset, url: string): RegistryPackage {
  const extras: Record<string, string> = {
    filetype: dataset.kind,
    country: dataset.country ?? '',
    data_updated: registryTimestamp(dataset.lastUpdated),
    language: 'en',
    verified: 'no',
    secondary_publisher: '',
    iati_version: '2.03',
  };
  if (dataset.activityCount !== null) extras.activity_count = String(dataset.activityCount);
  return {
    name: dataset.name,
    title: dataset.title,
    owner_org: publisher.registryName,
    resources: [{ url, format: 'IATI-XML' }],
    extras: Object.entries(extras).map(([key, value]) => ({ key, value })),
  };
}
