/**
 * Telling the IATI Registry (a CKAN site) where the published files are: for each dataset,
 * `package_show` by name, then `package_update` when it exists or `package_create` when it does
 * not, with the Registry's fields (domain/iati/publication.ts registryPackage). The API key goes
 * in the Authorization header and nowhere else: errors name the dataset, the action and the HTTP
 * status with an excerpt of the answer, never the key.
 */
import { registryPackage, type Manifest, type RegistryPackage } from '../domain/iati/publication.js';

export interface RegistryTarget {
  /** The Registry's address, e.g. https://iatiregistry.org (its API under /api/action/). */
  readonly url: string;
  readonly key: string | null;
  readonly timeoutMs?: number;
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly dataset: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface RegistryOutcome {
  readonly dataset: string;
  readonly action: 'created' | 'updated';
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
};

async function call(
  target: RegistryTarget,
  dataset: string,
  action: 'package_show' | 'package_create' | 'package_update',
  body: unknown,
): Promise<{ status: number; json: { success?: boolean; result?: unknown; error?: unknown } | null; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (target.key) headers.authorization = target.key;
  let response: Response;
  try {
    response = await fetch(`${target.url.replace(/\/+$/, '')}/api/action/${action}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(target.timeoutMs ?? 30_000),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${(target.timeoutMs ?? 30_000) / 1000} s`
        : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
    throw new RegistryError(`IATI Registry ${action} of dataset ${dataset} failed: ${reason}`, dataset, null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text) as { success?: boolean; result?: unknown; error?: unknown };
  } catch {
    // Not JSON (a proxy's error page): the excerpt says what it was.
  }
  return { status: response.status, json, text };
}

function fail(dataset: string, action: string, status: number, text: string): never {
  throw new RegistryError(`IATI Registry refused ${action} of dataset ${dataset}: HTTP ${status}: ${excerpt(text)}`, dataset, status);
}

/** Creates or updates one dataset's package. */
export async function registerDataset(target: RegistryTarget, pkg: RegistryPackage): Promise<RegistryOutcome> {
  const shown = await call(target, pkg.name, 'package_show', { id: pkg.name });
  const exists = shown.status === 200 && shown.json?.success === true;
  if (!exists && shown.status !== 404) fail(pkg.name, 'package_show', shown.status, shown.text);
  const action = exists ? 'package_update' : 'package_create';
  const saved = await call(target, pkg.name, action, pkg);
  if (saved.status !== 200 || saved.json?.success !== true) fail(pkg.name, action, saved.status, saved.text);
  return { dataset: pkg.name, action: exists ? 'updated' : 'created' };
}

/** The packages of a manifest's datasets (each must have a public URL). */
export function registryPackages(manifest: Manifest): RegistryPackage[] {
  return manifest.datasets.map((d) => {
    if (!d.url) throw new RegistryError(`dataset ${d.name} has no public URL: set MITRA_PUBLIC_URL`, d.name, null);
    return registryPackage(manifest.publisher, d, d.url);
  });
}

/** Registers every dataset of a manifest, one after the other; stops at the first refusal. */
export async function registerManifest(target: RegistryTarget, manifest: Manifest): Promise<RegistryOutcome[]> {
  const outcomes: RegistryOutcome[] = [];
  for (const pkg of registryPackages(manifest)) outcomes.push(await registerDataset(target, pkg));
  return outcomes;
}
