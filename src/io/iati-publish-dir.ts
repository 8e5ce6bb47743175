/**
 * The publish directory: a set of IATI files and their manifest.json, replaced as a whole. The
 * files are written into a fresh folder beside it, named after the manifest's hash, and the
 * directory (a symbolic link to that folder) is switched to it with one rename: a reader sees the
 * old set or the new one, never half of one, and the files of datasets that are gone go with the
 * old set. Publishing unchanged data again writes the same folder and changes nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, stat, symlink } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { manifestOf, type Manifest, type PublishedDataset } from '../domain/iati/publication.js';
import type { DatasetPlan, PublicationPlan } from './iati-publication.js';

export const MANIFEST_FILE = 'manifest.json';

/** The public address of a dataset's file, under the server's `/iati/` (server/iati-files.routes.ts). */
export function datasetUrl(publicUrl: string | null, fileName: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/iati/${fileName}` : null;
}

async function writeDataset(dir: string, dataset: DatasetPlan, publicUrl: string | null): Promise<PublishedDataset> {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = createWriteStream(join(dir, dataset.fileName));
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (chunk: string) => {
    const buffer = Buffer.from(chunk, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    if (!out.write(buffer)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    const document = await dataset.document();
    if (typeof document === 'string') await write(document);
    else for await (const chunk of document) await write(chunk);
  } finally {
    out.end();
  }
  await Promise.race([once(out, 'finish'), failed]);
  return {
    name: dataset.name,
    title: dataset.title,
    kind: dataset.kind,
    fileName: dataset.fileName,
    url: datasetUrl(publicUrl, dataset.fileName),
    lastUpdated: dataset.lastUpdated,
    activityCount: dataset.activityCount,
    country: dataset.country,
    bytes,
    sha256: hash.digest('hex'),
  };
}

export const manifestJson = (manifest: Manifest) => `${JSON.stringify(manifest, null, 2)}\n`;

const VERSION = /^\.(.+)\.([0-9a-f]{16})$/;

/**
 * Writes the plan's files and manifest to `dir` as one switch (see above). Returns the manifest
 * and whether anything changed.
 */
export async function writePublication(
  plan: PublicationPlan,
  dir: string,
  publicUrl: string | null,
): Promise<{ manifest: Manifest; changed: boolean; dir: string }> {
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${base}.staging-`));
  let manifest: Manifest;
  let version: string;
  try {
    const datasets: PublishedDataset[] = [];
    for (const dataset of plan.datasets) datasets.push(await writeDataset(staging, dataset, publicUrl));
    manifest = manifestOf(plan.publisher, datasets);
    const json = manifestJson(manifest);
    await writeFileAtomic(join(staging, MANIFEST_FILE), json);
    // mkdtemp makes it private; the set is public (a web server in front may serve it).
    await chmod(staging, 0o755);
    version = `.${base}.${createHash('sha256').update(json).digest('hex').slice(0, 16)}`;
    if (await exists(join(parent, version))) await rm(staging, { recursive: true, force: true });
    else await rename(staging, join(parent, version));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const current = await currentVersion(target);
  if (current === version) return { manifest, changed: false, dir: target };
  const link = join(parent, `.${base}.link-${randomBytes(6).toString('hex')}`);
  await symlink(version, link);
  const info = await lstat(target).catch(() => null);
  if (info && !info.isSymbolicLink()) {
    // A plain folder (an earlier layout, or made by hand): moved aside, then removed.
    const aside = join(parent, `.${base}.old-${randomBytes(6).toString('hex')}`);
    await rename(target, aside);
    await rename(link, target);
    await rm(aside, { recursive: true, force: true });
  } else {
    await rename(link, target);
  }
  // Earlier sets: a reader that opened one of their files keeps reading it.
  for (const entry of await readdir(parent)) {
    const m = VERSION.exec(entry);
    if (m && m[1] === base && entry !== version) await rm(join(parent, entry), { recursive: true, force: true });
  }
  return { manifest, changed: true, dir: target };
}

async function currentVersion(target: string): Promise<string | null> {
  try {
    return basename(await realpath(target));
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function writeFileAtomic(path: string, text: string): Promise<void> {
  const out = createWriteStream(path);
  out.end(text);
  await once(out, 'finish');
}

/** The published set as it is now: its folder (the link resolved) and manifest; null before the first publish. */
export async function readPublication(dir: string): Promise<{ folder: string; manifest: Manifest; raw: string } | null> {
  let folder: string;
  try {
    folder = await realpath(resolve(dir));
  } catch {
    return null;
  }
  try {
    const raw = await readFile(join(folder, MANIFEST_FILE), 'utf8');
    return { folder, manifest: JSON.parse(raw) as Manifest, raw };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
