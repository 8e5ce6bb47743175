/** File downloads: a streamed attachment, and a small table as CSV or XLSX. */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { tableCsv } from '../io/table-file.js';
import { xlsxBytes } from '../io/xlsx-write.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Makes the reply an attachment named `filename`, never cached. */
export function asAttachment(reply: FastifyReply, type: string, filename: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
}

/** A stream the reply sends as an attachment named `filename`. */
export function download(reply: FastifyReply, type: string, filename: string): PassThrough {
  asAttachment(reply, type, filename);
  return new PassThrough();
}

/**
 * Breaks the download when its writer fails: the headers are sent by then, so the client sees
 * the transfer end early rather than a problem document.
 */
export function breakOnFailure(stream: PassThrough, writing: Promise<unknown>): void {
  writing.catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
}

/** Writes the chunks to the download as the client takes them (waiting for it to drain), then ends it. */
export function streamChunks(stream: PassThrough, chunks: AsyncIterable<string | Uint8Array>): void {
  breakOnFailure(
    stream,
    (async () => {
      for await (const chunk of chunks) {
        if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
      }
      stream.end();
    })(),
  );
}

export interface TableDownload {
  readonly format: 'csv' | 'xlsx';
  /** The file's name without its extension. */
  readonly name: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** Sends a table (a list page's rows) as CSV (UTF-8 with BOM, formulas neutralised) or XLSX. */
export async function sendTable(reply: FastifyReply, table: TableDownload): Promise<FastifyReply> {
  const filename = `${table.name}.${table.format}`;
  if (table.format === 'xlsx') return asAttachment(reply, XLSX, filename).send(await xlsxBytes([{ title: table.title, columns: table.columns, rows: table.rows }]));
  return asAttachment(reply, 'text/csv; charset=utf-8', filename).send(tableCsv(table));
}
