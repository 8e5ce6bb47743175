/**
 * Uploads read as multipart/form-data with limits: text fields, and files in the named fields
 * only. A file over the size limit is a 413, an unknown file field or too many parts a 400, each
 * answered here; the caller gets the fields and files, or the reply already sent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { makeProblem, sendProblem } from './problem.js';

export interface FormFile {
  readonly field: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export type MultipartForm = { ok: true; fields: Record<string, string>; files: FormFile[] } | { ok: false; sent: FastifyReply };

export interface MultipartOptions {
  readonly maxBytes: number;
  /** The fields that may hold files. */
  readonly fileFields: readonly string[];
  readonly limits: { readonly files: number; readonly fields: number; readonly fieldSize: number; readonly parts: number };
  /** The message for a file in another field, e.g. `files go in the fields cv and letter (got "x")`. */
  readonly badField: (field: string) => string;
  /** The message when there are more parts than the limits allow. */
  readonly tooManyParts: string;
  /** The message of a 413, e.g. `the file is larger than 5242880 bytes`. */
  readonly tooLarge: string;
}

export async function readMultipart(request: FastifyRequest, reply: FastifyReply, options: MultipartOptions): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  const files: FormFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxBytes, ...options.limits } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (!options.fileFields.includes(part.fieldname)) {
        part.file.resume();
        return {
          ok: false,
          sent: sendProblem(reply, makeProblem(request, 400, 'document.bad_field', options.badField(part.fieldname), [{ path: part.fieldname, message: 'unknown file field', code: 'unknown_field' }])),
        };
      }
      files.push({ field: part.fieldname, fileName: part.filename ?? '', bytes: new Uint8Array(await part.toBuffer()) });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const issue = { path: 'file', message: `at most ${options.maxBytes} bytes`, code: 'too_large' };
      return { ok: false, sent: sendProblem(reply, makeProblem(request, 413, 'document.too_large', options.tooLarge, [issue])) };
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      return { ok: false, sent: sendProblem(reply, makeProblem(request, 400, 'document.too_many_parts', options.tooManyParts)) };
    }
    throw error;
  }
  return { ok: true, fields, files };
}
