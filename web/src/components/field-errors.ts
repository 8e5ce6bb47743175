/**
 * A form's errors by field path (`titleEn`, `parties.0.org`), gathered the way the server names
 * them: from the zod schema the server parses with, from the domain's rules, and from the
 * issues of the server's answer. The first issue of a field wins.
 */
import type { z } from 'zod';
import type { ProblemIssue } from '../api/client.js';
import type { FieldError } from './Field.js';

export type FieldErrors = Map<string, FieldError>;

/**
 * A zod issue's code as the catalogue knows it: the domain's own (`params.code` of a refinement),
 * "required" for a text that needs at least one character (unless `emptyIsRequired` is false), or
 * zod's code.
 */
export function issueCode(issue: z.core.$ZodIssue, emptyIsRequired = true): string {
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  return emptyIsRequired && issue.code === 'too_small' && issue.minimum === 1 ? 'required' : issue.code;
}

export interface SchemaErrorOptions {
  /** Put before each path (`items.0`), for a piece checked alone. */
  readonly prefix?: string;
  /** The form's path of a path of the body sent (rows the body leaves out). */
  readonly pathOf?: (path: string) => string;
  /** See issueCode. */
  readonly emptyIsRequired?: boolean;
}

/** Adds a schema's issues to `errors` (a field already in error keeps its first issue). */
export function addSchemaErrors(
  errors: FieldErrors,
  result: { success: true } | { success: false; error: { issues: readonly z.core.$ZodIssue[] } },
  options: SchemaErrorOptions = {},
): FieldErrors {
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const bodyPath = [options.prefix ?? '', ...issue.path.map(String)].filter(Boolean).join('.');
    const path = options.pathOf ? options.pathOf(bodyPath) : bodyPath;
    if (!errors.has(path)) errors.set(path, { code: issueCode(issue, options.emptyIsRequired), message: issue.message });
  }
  return errors;
}

/** Adds issues that name their field: the domain's rules or the server's answer. */
export function addIssues(errors: FieldErrors, issues: readonly ProblemIssue[]): FieldErrors {
  for (const i of issues) if (!errors.has(i.path)) errors.set(i.path, { ...(i.code ? { code: i.code } : {}), message: i.message });
  return errors;
}

/** The server's field issues as a form's errors. */
export const errorsFromIssues = (issues: readonly ProblemIssue[]): FieldErrors => addIssues(new Map(), issues);

/** "is required" at `path` when `value` is blank. */
export function requireText(errors: FieldErrors, path: string, value: string): void {
  if (!value.trim()) errors.set(path, { code: 'required', message: 'is required' });
}
