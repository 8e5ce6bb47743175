/** Reads the files and options given to the CLI: JSON parsed with a domain schema, naming the file and fields; option values checked against their lists. */
import type { z } from 'zod';
import type { CliIo } from './io.js';
import { CliInputError } from './exit-codes.js';

export async function readJsonFile<S extends z.ZodType>(io: CliIo, path: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await io.read(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseInput(schema, json, path);
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${path ? `${path}.` : ''}${k}: unknown field`);
    return [`${path || '(input)'}: ${issue.message}`];
  });
  throw new CliInputError(`${source} has ${details.length} invalid field(s)`, details);
}

/** A file the CLI could not open, named with the system's reason (ENOENT, EACCES, …). */
export function unreadable(path: string, error: unknown): CliInputError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return new CliInputError(`cannot read ${path}: ${typeof code === 'string' ? code : String(error)}`);
}

/** An option's value when it is one of those allowed (undefined when not given); anything else is a usage error. */
export function optionOneOf<T extends string>(option: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (!value) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new CliInputError(`${option} must be one of ${allowed.join(', ')}`);
  return found;
}
