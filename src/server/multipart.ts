/**
 * Uploads read as multipart/form-data with limits: text fields, and files in the named fields
 * only. A file over the size limit is a 413, an unknown file field or too many parts a 400, each
 * answered here; the caller gets the fields and files, or the reply already sent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { errorCode, invalidBodyProblem, makeProblem, sendProblem } from './problem.js';

export interface FormFile<F extends string = string> {
  readonly field: F;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** What a request reader gives: the value, or the problem it has already answered. */
export type Read<T> = ({ ok: true } & T) | { ok: false; sent: FastifyReply };

export type MultipartForm<F extends string = string> = Read<{ fields: Record<string, string>; files: FormFile<F>[] }>;

export interface MultipartOptions<F extends string = string> {
  readonly maxBytes: number;
  /** The fields that may hold files. */
  readonly fileFields: readonly F[];
  readonly limits: { readonly files: number; readonly fields: number; readonly fieldSize: number; readonly parts: number };
  /** The message for a file in another field, e.g. `files go in the fields cv and letter (got "x")`. */
  readonly badField: (field: string) => string;
  /** The message when there are more parts than the limits allow. */
  readonly tooManyParts: string;
  /** The message of a 413, e.g. `the file is larger than 5242880 bytes`. */
  readonly tooLarge: string;
}

export async function readMultipart<F extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: MultipartOptions<F>,
): Promise<MultipartForm<F>> {
  const fields: Record<string, string> = {};
  const files: FormFile<F>[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxBytes, ...options.limits } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const field = options.fileFields.find((f) => f === part.fieldname);
      if (field === undefined) {
        part.file.resume();
        return {
          ok: false,
          sent: sendProblem(
            reply,
            makeProblem(request, 400, 'document.bad_field', options.badField(part.fieldname), [
              { path: part.fieldname, message: 'unknown file field', code: 'unknown_field' },
            ]),
          ),
        };
      }
      files.push({ field, fileName: part.filename ?? '', bytes: new Uint8Array(await part.toBuffer()) });
    }
  } catch (error) {
    const code = errorCode(error);
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

/**
 * A body that comes as JSON, or as a form holding the JSON in the field `jsonField` next to its
 * files: the JSON parsed with the schema, and the files. A field that is not JSON, or JSON the
 * schema refuses, is a 400 naming the bad fields.
 */
export async function readJsonWithFiles<T, F extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: z.ZodType<T>,
  options: MultipartOptions<F> & { readonly jsonField: string; readonly notJson: string },
): Promise<Read<{ data: T; files: FormFile<F>[] }>> {
  let body: unknown = request.body;
  let files: FormFile<F>[] = [];
  if (request.isMultipart()) {
    const form = await readMultipart(request, reply, options);
    if (!form.ok) return form;
    files = form.files;
    try {
      body = JSON.parse(form.fields[options.jsonField] ?? '');
    } catch {
      const issue = { path: options.jsonField, message: 'must be JSON', code: 'invalid_json' };
      return { ok: false, sent: sendProblem(reply, makeProblem(request, 400, 'request.invalid', options.notJson, [issue])) };
    }
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, sent: sendProblem(reply, invalidBodyProblem(request, parsed.error)) };
  return { ok: true, data: parsed.data, files };
}
