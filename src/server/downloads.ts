/** File downloads: a streamed attachment, and a small table as CSV or XLSX. */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { tableCsv } from '../io/table-file.js';
import { xlsxBytes } from '../io/xlsx-write.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A stream the reply sends as an attachment named `filename`. */
export function download(reply: FastifyReply, type: string, filename: string): PassThrough {
  const stream = new PassThrough();
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
  return stream;
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
  reply.header('content-disposition', `attachment; filename="${table.name}.${table.format}"`).header('cache-control', 'no-store');
  if (table.format === 'xlsx') return reply.type(XLSX).send(await xlsxBytes([{ title: table.title, columns: table.columns, rows: table.rows }]));
  return reply.type('text/csv; charset=utf-8').send(tableCsv(table));
}
