/**
 * The published IATI files at stable public addresses, as `mitra iati publish` last wrote them
 * (a snapshot, never regenerated per request): `/iati/manifest.json` and `/iati/<dataset>.xml`.
 * No sign-in. A file is served only when the manifest lists it, so a name is never a path; the
 * manifest and the file come from the same published set (io/iati-publish-dir.ts).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REGISTRY_NAME } from '../domain/iati/publication.js';
import { readPublication } from '../io/iati-publish-dir.js';
import { makeProblem, problemSchema, sendProblem } from './problem.js';

const TAGS = ['IATI publication'];
/** Short enough that a new publication shows within minutes, long enough to spare the server. */
const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

const datasetSchema = z.object({
  name: z.string().meta({ description: 'the IATI Registry dataset name, `<publisher>-<suffix>`' }),
  title: z.string(),
  kind: z.enum(['activity', 'organisation']),
  fileName: z.string(),
  url: z.string().nullable().meta({ description: 'the public address of the file (MITRA_PUBLIC_URL/iati/<file>)' }),
  lastUpdated: z.string().meta({ description: 'newest change of the data in the file (not when it was written)' }),
  activityCount: z.number().int().nullable(),
  country: z.string().nullable().meta({ description: 'the one recipient country of all its activities, else null' }),
  bytes: z.number().int(),
  sha256: z.string(),
});

export const manifestSchema = z
  .object({
    publisher: z.object({ ref: z.string(), registryName: z.string(), nameEn: z.string(), nameId: z.string().nullable() }),
    iatiVersion: z.literal('2.03'),
    lastUpdated: z.string().nullable(),
    datasets: z.array(datasetSchema),
  })
  .meta({ id: 'IatiManifest' });

const notModifiedSchema = z.null().meta({ description: 'not modified: the client holds this version (If-None-Match, If-Modified-Since)' });

const notPublished = (request: FastifyRequest, what: string) => makeProblem(request, 404, 'iati.not_published', `${what} is not published`);

const httpDate = (iso: string | null) => {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toUTCString();
};

/** Answers 304 when the client holds this version (If-None-Match, else If-Modified-Since). */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string, lastModified: string | null): boolean {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if (lastModified) reply.header('last-modified', lastModified);
  const match = request.headers['if-none-match'];
  const bare = etag.replace(/^W\//, '');
  if (match !== undefined) return match.split(',').some((t) => t.trim().replace(/^W\//, '') === bare || t.trim() === '*');
  const since = request.headers['if-modified-since'];
  return Boolean(since && lastModified && Date.parse(since) >= Date.parse(lastModified));
}

export function registerIatiFileRoutes(app: FastifyInstance, options: { publishDir: string }): void {
  // The plain instance: the answers are the published bytes (a string, a file stream), not
  // objects to serialise; the schemas document them and check the parameters.
  app.get(
    '/iati/manifest.json',
    {
      schema: {
        tags: TAGS,
        summary: 'The published IATI datasets: names, files, addresses, activity counts, sizes, SHA-256 and last change (no sign-in)',
        response: { 200: manifestSchema, 304: notModifiedSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const published = await readPublication(options.publishDir);
      if (!published) return sendProblem(reply, notPublished(request, 'no IATI data set'));
      const etag = `W/"${published.folder.slice(-16)}"`;
      if (notModified(request, reply, etag, httpDate(published.manifest.lastUpdated))) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(published.raw);
    },
  );

  app.get<{ Params: { file: string } }>(
    '/iati/:file',
    {
      schema: {
        tags: TAGS,
        summary: 'One published IATI file, `<dataset>.xml`, as published (no sign-in; 404 for a name the manifest does not list)',
        params: z.object({ file: z.string().meta({ description: 'a dataset name and .xml, e.g. nct-sstc-2018.xml' }) }),
        response: { 304: notModifiedSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const name = file.replace(/\.xml$/, '');
      if (!file.endsWith('.xml') || !REGISTRY_NAME.test(name)) return sendProblem(reply, notPublished(request, 'this file'));
      // Twice at most: a new set switched in between reading the manifest and opening the file.
      for (let attempt = 0; attempt < 2; attempt++) {
        const published = await readPublication(options.publishDir);
        const dataset = published?.manifest.datasets.find((d) => d.fileName === file);
        if (!published || !dataset) return sendProblem(reply, notPublished(request, `dataset ${name}`));
        const stream = createReadStream(join(published.folder, dataset.fileName));
        const opened = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
          stream.once('open', () => resolve(null));
          stream.once('error', resolve);
        });
        if (opened?.code === 'ENOENT') continue;
        if (opened) throw opened;
        // Weak: the bytes sent may be compressed (Vary: Accept-Encoding); the content is the same.
        if (notModified(request, reply, `W/"${dataset.sha256}"`, httpDate(dataset.lastUpdated))) {
          stream.destroy();
          return reply.code(304).send();
        }
        return reply.type('application/xml; charset=utf-8').header('content-length', dataset.bytes).send(stream);
      }
      return sendProblem(reply, notPublished(request, `dataset ${name}`));
    },
  );
}
