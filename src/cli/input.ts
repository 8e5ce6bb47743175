/** Reads a JSON file given to the CLI and parses it with a domain schema, naming the file and fields. */
import type { z } from 'zod';
import type { CliIo } from './io.js';
import { CliInputError } from './exit-codes.js';

export async function readJsonFile<S extends z.ZodType>(io: CliIo, path: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await io.read(path);
  } catch (error) {
    throw new CliInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${path} is not valid JSON: ${(error as Error).message}`);
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
