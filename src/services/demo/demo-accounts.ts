/**
 * One demo account per role, created with the demo data on a database without accounts, so that
 * a newcomer can try every role. Each gets a random password, shown at start-up and kept by the
 * CLI in a file only its owner can read (cli/demo-passwords.ts): the database holds only hashes,
 * and there is never a default password.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/access/actor.js';
import { userInputSchema } from '../../domain/account/user.js';
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { createOrganisation } from '../organisations.js';
import type { Deps } from '../deps.js';
import { createUser } from '../users.js';
import { verifyPassword } from '../passwords.js';

/** The Indonesian embassy in Suva (accredited to Fiji and neighbours) nominates Pacific participants. */
export const DEMO_EMBASSY = {
  code: 'ID-KBRI-SUVA',
  acronym: 'KBRI Suva',
  nameEn: 'Embassy of the Republic of Indonesia in Suva',
  nameId: 'Kedutaan Besar Republik Indonesia di Suva',
  type: '10',
  countryCode: 'ID',
  kind: 'embassy',
} as const;

/** Fiji's foreign ministry: the recipient government's focal point for Indonesian training offers. */
export const DEMO_FOCAL_POINT = {
  code: 'FJ-MFA',
  acronym: 'MFA Fiji',
  nameEn: 'Ministry of Foreign Affairs of the Republic of Fiji',
  nameId: 'Kementerian Luar Negeri Republik Fiji',
  type: '10',
  countryCode: 'FJ',
  kind: 'recipient_institution',
} as const;

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; orgCode: string | null }[] = [
  { email: 'admin@mitra.demo', name: 'Demo Administrator (Sekretariat)', role: 'admin', orgCode: 'ID-KEMENSETNEG' },
  { email: 'koordinator@mitra.demo', name: 'Demo Coordinator (Bappenas)', role: 'coordinator', orgCode: 'ID-BAPPENAS' },
  // The other ministries of the coordination team, each signing for its own ministry (docs/sign-offs.md);
  // the state secretariat signs through admin@mitra.demo.
  { email: 'kemlu@mitra.demo', name: 'Demo Coordinator (Kemlu)', role: 'coordinator', orgCode: 'ID-KEMLU' },
  { email: 'kemenkeu@mitra.demo', name: 'Demo Coordinator (Kemenkeu)', role: 'coordinator', orgCode: 'ID-KEMENKEU' },
  { email: 'kemenkes@mitra.demo', name: 'Demo Program Officer (Kemenkes)', role: 'agency', orgCode: 'ID-KEMENKES' },
  { email: 'kbri.suva@mitra.demo', name: 'Demo Embassy Officer (KBRI Suva)', role: 'embassy', orgCode: DEMO_EMBASSY.code },
  { email: 'focal.fiji@mitra.demo', name: 'Demo Focal Point (Fiji MFA)', role: 'focal_point', orgCode: DEMO_FOCAL_POINT.code },
  { email: 'viewer@mitra.demo', name: 'Demo Analyst', role: 'viewer', orgCode: null },
];

/** A random password: 18 characters from a 56-letter alphabet without look-alikes (~104 bits). */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(18);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Creates the demo accounts when there are none; returns them with their one-time passwords. */
export async function loadDemoAccounts(
  deps: Deps<'users' | 'organisations' | 'audit'>,
): Promise<{ email: string; role: Role; password: string }[]> {
  if ((await deps.store.repos.users.count()) > 0) return [];
  for (const org of [DEMO_EMBASSY, DEMO_FOCAL_POINT]) {
    if (!(await deps.store.repos.organisations.findByCode(org.code))) await createOrganisation(deps, organisationInputSchema.parse(org));
  }
  const created: { email: string; role: Role; password: string }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (account.orgCode && !(await deps.store.repos.organisations.findByCode(account.orgCode))) continue;
    const password = randomPassword();
    await createUser(deps, userInputSchema.parse({ ...account, password }));
    created.push({ email: account.email, role: account.role, password });
  }
  return created;
}

/**
 * Whether a demo account still has the password it was given (false when its owner changed it or
 * the account is gone): `mitra users demo-passwords` shows only the passwords that still work.
 */
export async function isDemoPasswordUnchanged(deps: Deps<'users'>, email: string, password: string): Promise<boolean> {
  const user = await deps.store.repos.users.findByEmail(email);
  const stored = user && (await deps.store.repos.users.passwordHash(user.id));
  return !!stored && (await verifyPassword(stored, password));
}
