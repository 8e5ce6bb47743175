/** Accounts: who may sign in, with which role and for which organisation. */
import { z } from 'zod';
import { roles, type Role } from '../access/actor.js';
import { codeOf } from '../schema-helpers.js';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly orgCode: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastLoginAt: string | null;
  readonly version: number;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
/** Distinct characters a password needs. */
const PASSWORD_DISTINCT_MIN = 5;

const tooSimple = (password: string) => new Set(password).size < PASSWORD_DISTINCT_MIN;

/** Whether the password contains the name part of the email ("sari" of sari@kemenkes.go.id). */
function containsEmailName(password: string, email: string): boolean {
  const name = email.trim().toLowerCase().split('@')[0];
  return !!name && password.toLowerCase().includes(name);
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooSimple' | 'containsEmail';

/**
 * The first password rule a password breaks, or null; the schemas below and the web app's forms
 * use it. `email`: the account's, whose name part the password must not contain.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'tooShort';
  if (password.length > PASSWORD_MAX) return 'tooLong';
  if (tooSimple(password)) return 'tooSimple';
  if (email !== undefined && containsEmailName(password, email)) return 'containsEmail';
  return null;
}

/** Long enough, not all one character, not the email. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `use at most ${PASSWORD_MAX} characters`)
  .refine((p) => !tooSimple(p), 'use more different characters');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'not an email address' }));

const nameSchema = z.string().trim().min(1, 'required').max(200);
const orgSchema = z.string().trim().min(1).max(100).nullable().optional();

/** Roles that act for one organisation must name it. */
function needsOrg(role: Role): boolean {
  return role === 'agency' || role === 'embassy' || role === 'focal_point';
}

const orgMissing = (role: Role) => `${role === 'focal_point' ? 'a focal point' : `an ${role}`} account must name its organisation`;

export const userInputSchema = z
  .strictObject({
    email: emailSchema,
    name: nameSchema,
    role: codeOf(roles, 'role'),
    orgCode: orgSchema,
    password: passwordSchema,
  })
  .superRefine((u, ctx) => {
    if (needsOrg(u.role) && !u.orgCode) ctx.addIssue({ code: 'custom', path: ['orgCode'], message: orgMissing(u.role) });
    if (containsEmailName(u.password, u.email)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'the password must not contain the email name' });
    }
  });
export type UserInput = z.infer<typeof userInputSchema>;

export const userPatchSchema = z.strictObject({
  name: nameSchema.optional(),
  role: codeOf(roles, 'role').optional(),
  orgCode: orgSchema,
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UserPatch = z.infer<typeof userPatchSchema>;

export function checkUserOrg(role: Role, orgCode: string | null): string | null {
  return needsOrg(role) && !orgCode ? orgMissing(role) : null;
}
