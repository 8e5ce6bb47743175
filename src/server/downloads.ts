/** File downloads: a streamed attachment, an uploaded file, and a small table as CSV or XLSX. */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../domain/offer/documents.js';
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
  if (table.format === 'xlsx')
    return asAttachment(reply, XLSX, filename).send(await xlsxBytes([{ title: table.title, columns: table.columns, rows: table.rows }]));
  return asAttachment(reply, 'text/csv; charset=utf-8', filename).send(tableCsv(table));
}

export interface UploadedFile {
  readonly contentType: string;
  readonly fileName: string;
  readonly content: Uint8Array;
  /** A public file may be cached for a few minutes; any other never. */
  readonly isPublic?: boolean;
}

/** Sends a file someone uploaded: always as an attachment, never sniffed, rendered or scripted by the browser. */
export function sendUploadedFile(reply: FastifyReply, file: UploadedFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', file.isPublic ? 'public, max-age=300' : 'private, no-store')
    .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
}
