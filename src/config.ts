/**
 * The only reader of the environment. Parses it once at start-up, lists every problem, and
 * hands out a frozen, typed object.
 */
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { roles, type Role } from './domain/access/actor.js';
import { parseRoleMap } from './domain/account/oidc-claims.js';
import { PUBLISHER_NAME } from './domain/iati/publication.js';

const yesNo = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/mitra.sqlite')
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), { message: 'must start with file: or postgres://' }),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest JSON request body, in bytes. */
  MITRA_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  /** Largest spreadsheet accepted by an import (CLI and API), in bytes. */
  MITRA_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 ** 3)
    .default(256 * 1024 * 1024),
  /** Largest nomination document (CV, letter) upload, in bytes. */
  MITRA_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** Outgoing mail server (smtp://user:pass@host:587 or smtps://…); unset: mail is logged, not sent. */
  MITRA_SMTP_URL: z
    .string()
    .trim()
    .refine((u) => /^smtps?:\/\/[^/]+/.test(u), { message: 'must start with smtp:// or smtps://' })
    .optional(),
  /** Sender of Mitra's mail. */
  MITRA_MAIL_FROM: z.string().trim().min(3).max(300).default('Mitra <no-reply@localhost>'),
  /** ISO code of the country whose cooperation this registry holds (new implementing agencies belong to it). */
  MITRA_PROVIDER_COUNTRY: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code' })
    .transform((s) => s.toUpperCase())
    .default('ID'),
  /** Connections per app process to PostgreSQL. */
  MITRA_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL: how long a request waits for a connection before answering 503 (the database is down or restarting). */
  MITRA_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  /** SQLite: how long a write waits for another process's write before answering 503. */
  MITRA_DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Run as the read-only public portal: no sign-in, no writes, published programs only. */
  MITRA_PORTAL: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Secure (HTTPS-only) session cookies: always, never, or auto (when the request came over HTTPS). */
  MITRA_SECURE_COOKIES: z.enum(['always', 'never', 'auto']).default('auto'),
  /** Trust X-Forwarded-* from a reverse proxy (client address for sign-in throttling, HTTPS detection). */
  MITRA_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Session lifetime and idle timeout, in minutes. */
  MITRA_SESSION_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(12 * 60),
  MITRA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(2 * 60),
  /** The IATI publisher: its organisation identifier prefixes every exported activity identifier. */
  MITRA_IATI_REPORTING_ORG: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,80}$/, { message: 'must be an IATI organisation identifier such as ID-NCT-SSTC' })
    .default('ID-NCT-SSTC'),
  MITRA_IATI_REPORTING_ORG_NAME: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default('National Coordination Team for South-South and Triangular Cooperation'),
  MITRA_IATI_REPORTING_ORG_NAME_ID: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default('Tim Koordinasi Nasional Kerja Sama Selatan-Selatan dan Triangular'),
  /** Largest IATI file `mitra iati publish` and `mitra export iati` write, in MB (fractions allowed). */
  MITRA_IATI_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(20),
  /** The publisher's name on the IATI Registry: datasets are named <it>-<year>, <it>-org… */
  MITRA_IATI_PUBLISHER_NAME: z
    .string()
    .trim()
    .regex(PUBLISHER_NAME, {
      message: 'must be an IATI Registry publisher name: 2-80 characters, lowercase a-z, 0-9, - and _ (e.g. nct-sstc)',
    })
    .default('nct-sstc'),
  /** Where `mitra iati publish` writes and the server serves /iati/ from (default: iati/ beside the SQLite file, else data/iati). */
  MITRA_IATI_PUBLISH_DIR: z.string().trim().min(1).optional(),
  /** The IATI Registry's (CKAN) address; when set, `mitra iati publish` registers each dataset there. */
  MITRA_IATI_REGISTRY_URL: z
    .string()
    .trim()
    .refine((u) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(u), {
      message: 'must be an http(s) address such as https://iatiregistry.org',
    })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** The Registry's API key (secret: never printed). */
  MITRA_IATI_REGISTRY_KEY: z.string().trim().min(1).optional(),
  /** The address people reach this server at: certificates' QR codes point to <it>/verify/<token>. */
  MITRA_PUBLIC_URL: z
    .string()
    .trim()
    .refine((u) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(u), {
      message: 'must be an http(s) address such as https://mitra.example.go.id',
    })
    .transform((u) => u.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  /**
   * Roles whose accounts must sign in with a second factor (TOTP), comma-separated, or "none".
   * An empty value counts as unset (as every variable here), so it does not switch the
   * requirement off by accident: only "none" does.
   */
  MITRA_TOTP_REQUIRED_ROLES: z
    .string()
    .trim()
    .default('admin,coordinator')
    .transform((text) => (text === 'none' ? [] : text.split(',').map((s) => s.trim())))
    .refine((list) => list.every((r) => roles.is(r)), {
      message: `must be "none" or roles separated by commas, from: ${roles.codes.join(', ')}`,
    })
    .transform((list) => [...new Set(list.filter((r): r is Role => roles.is(r)))]),
  /** The first administrator, created on start when the database has no accounts (never a default password). */
  MITRA_ADMIN_EMAIL: z.string().trim().optional(),
  MITRA_ADMIN_PASSWORD: z.string().optional(),
  /**
   * Single sign-on with an OpenID Connect provider (docs/security.md, "Single sign-on"): its issuer
   * (https; http only on this machine, for development), Mitra's client id and secret there.
   */
  MITRA_OIDC_ISSUER: z
    .string()
    .trim()
    .refine(
      (u) => /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/[^\s?#]*)?$/.test(u),
      {
        message: 'must be an https address such as https://sso.kemlu.go.id/realms/mitra (http only on 127.0.0.1 or localhost)',
      },
    )
    .optional(),
  MITRA_OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  /** The client secret (secret: never printed); unset for a public client, which PKCE alone protects. */
  MITRA_OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
  /** Where the provider sends the browser back (default: MITRA_PUBLIC_URL + /api/v1/auth/oidc/callback). */
  MITRA_OIDC_REDIRECT_URL: z
    .string()
    .trim()
    .refine((u) => /^https?:\/\/[^\s/?#]+\/[^\s#]*$/.test(u), {
      message: 'must be an http(s) address ending in /api/v1/auth/oidc/callback',
    })
    .optional(),
  MITRA_OIDC_SCOPES: z
    .string()
    .trim()
    .regex(/(^|\s)openid(\s|$)/, { message: 'must include openid' })
    .optional(),
  /** The claim with the user's roles or groups; unset: roles are managed in Mitra. */
  MITRA_OIDC_ROLE_CLAIM: z.string().trim().min(1).max(200).optional(),
  /** value=role pairs, in order of precedence: "mitra-admin=admin,mitra-coord=coordinator". */
  MITRA_OIDC_ROLE_MAP: z.string().trim().min(1).optional(),
  /** The claim with the organisation's code (Mitra's organisation with that code). */
  MITRA_OIDC_ORG_CLAIM: z.string().trim().min(1).max(200).optional(),
  /** Whether password sign-in stays open beside single sign-on (default true). */
  MITRA_OIDC_LOCAL_PASSWORDS: yesNo,
  /** With local passwords off: the one administrator account that may still sign in with its password. */
  MITRA_OIDC_BREAK_GLASS_EMAIL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'must be an email address' }))
    .optional(),
  /** The sign-in button's text: "Sign in with <label>". */
  MITRA_OIDC_LABEL: z.string().trim().min(1).max(60).optional(),
});

type Env = z.output<typeof envSchema>;

/** Single sign-on with an OpenID Connect provider; null when MITRA_OIDC_ISSUER is unset. */
export type OidcConfig = Readonly<{
  issuer: string;
  clientId: string;
  /** Null for a public client. */
  clientSecret: string | null;
  redirectUrl: string;
  scopes: string;
  label: string;
  roleClaim: string | null;
  /** Provider value → role, in order of precedence. */
  roleMap: readonly (readonly [string, Role])[];
  orgClaim: string | null;
  /** Whether password sign-in stays open for everyone. */
  localPasswords: boolean;
  /** With local passwords off, the administrator who may still use a password. */
  breakGlassEmail: string | null;
}>;

/** The OIDC settings, or the problems of a partial or contradictory set. */
function oidcConfig(e: Env, publicUrl: string): { oidc: OidcConfig | null; problems: string[] } {
  const problems: string[] = [];
  const anySet = Object.entries(e).some(([key, value]) => key.startsWith('MITRA_OIDC_') && value !== undefined);
  if (!anySet) return { oidc: null, problems };
  if (!e.MITRA_OIDC_ISSUER || !e.MITRA_OIDC_CLIENT_ID) {
    const missing = [!e.MITRA_OIDC_ISSUER && 'MITRA_OIDC_ISSUER', !e.MITRA_OIDC_CLIENT_ID && 'MITRA_OIDC_CLIENT_ID'].filter(Boolean);
    problems.push(`${missing.join(' and ')}: required when any MITRA_OIDC_ variable is set (single sign-on)`);
  }
  if (!!e.MITRA_OIDC_ROLE_CLAIM !== !!e.MITRA_OIDC_ROLE_MAP) {
    problems.push('MITRA_OIDC_ROLE_CLAIM and MITRA_OIDC_ROLE_MAP: set both (roles from the provider) or neither (roles managed in Mitra)');
  }
  const roleMap = e.MITRA_OIDC_ROLE_MAP ? parseRoleMap(e.MITRA_OIDC_ROLE_MAP) : { pairs: [], problems: [] };
  problems.push(...roleMap.problems.map((p) => `MITRA_OIDC_ROLE_MAP: ${p}`));
  const localPasswords = e.MITRA_OIDC_LOCAL_PASSWORDS ?? true;
  if (e.MITRA_OIDC_BREAK_GLASS_EMAIL && localPasswords) {
    problems.push('MITRA_OIDC_BREAK_GLASS_EMAIL: only with MITRA_OIDC_LOCAL_PASSWORDS=false (every account has its password otherwise)');
  }
  if (problems.length > 0 || !e.MITRA_OIDC_ISSUER || !e.MITRA_OIDC_CLIENT_ID) return { oidc: null, problems };
  return {
    oidc: Object.freeze({
      issuer: e.MITRA_OIDC_ISSUER,
      clientId: e.MITRA_OIDC_CLIENT_ID,
      clientSecret: e.MITRA_OIDC_CLIENT_SECRET ?? null,
      redirectUrl: e.MITRA_OIDC_REDIRECT_URL ?? `${publicUrl}/api/v1/auth/oidc/callback`,
      scopes: e.MITRA_OIDC_SCOPES ?? 'openid email profile',
      label: e.MITRA_OIDC_LABEL ?? 'single sign-on',
      roleClaim: e.MITRA_OIDC_ROLE_CLAIM ?? null,
      roleMap: roleMap.pairs,
      orgClaim: e.MITRA_OIDC_ORG_CLAIM ?? null,
      localPasswords,
      breakGlassEmail: e.MITRA_OIDC_BREAK_GLASS_EMAIL ?? null,
    }),
    problems,
  };
}

export type Config = Readonly<{
  databaseUrl: string;
  port: number;
  host: string;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  dbPoolSize: number;
  dbConnectTimeoutMs: number;
  dbBusyTimeoutMs: number;
  importMaxBytes: number;
  uploadMaxBytes: number;
  smtpUrl: string | null;
  mailFrom: string;
  providerCountry: string;
  portal: boolean;
  secureCookies: 'always' | 'never' | 'auto';
  trustProxy: boolean;
  sessionMinutes: number;
  sessionIdleMinutes: number;
  /** Roles that must sign in with a second factor (TOTP); enrolled accounts of other roles use theirs too. */
  totpRequiredRoles: readonly Role[];
  firstAdmin: { email: string; password: string } | null;
  /** `publicUrl`: MITRA_PUBLIC_URL when set, where programs' public documents are linked from IATI files (docs/documents.md). */
  iatiPublisher: { ref: string; nameEn: string; nameId: string; type: string; publicUrl: string | null };
  /** Without a trailing slash. */
  publicUrl: string;
  /** Whether MITRA_PUBLIC_URL was set (not the localhost default): published files link to it only then. */
  publicUrlSet: boolean;
  iatiPublishing: {
    maxFileMb: number;
    publisherName: string;
    publishDir: string;
    registryUrl: string | null;
    registryKey: string | null;
  };
  oidc: OidcConfig | null;
}>;

/** The publish directory: iati/ beside the SQLite database, or data/iati with PostgreSQL. */
function defaultPublishDir(databaseUrl: string): string {
  const file = /^file:(.+)$/.exec(databaseUrl)?.[1];
  return file && !file.startsWith(':memory:') ? join(dirname(file), 'iati') : join('data', 'iati');
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty variables count as unset, as shells often export them that way.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (!!e.MITRA_ADMIN_EMAIL !== !!e.MITRA_ADMIN_PASSWORD) {
    throw new ConfigError(['MITRA_ADMIN_EMAIL and MITRA_ADMIN_PASSWORD: set both (the first administrator) or neither']);
  }
  const { oidc, problems } = oidcConfig(e, e.MITRA_PUBLIC_URL);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.MITRA_BODY_LIMIT,
    dbPoolSize: e.MITRA_DB_POOL_SIZE,
    dbConnectTimeoutMs: e.MITRA_DB_CONNECT_TIMEOUT_MS,
    dbBusyTimeoutMs: e.MITRA_DB_BUSY_TIMEOUT_MS,
    importMaxBytes: e.MITRA_IMPORT_MAX_BYTES,
    uploadMaxBytes: e.MITRA_UPLOAD_MAX_BYTES,
    smtpUrl: e.MITRA_SMTP_URL ?? null,
    mailFrom: e.MITRA_MAIL_FROM,
    providerCountry: e.MITRA_PROVIDER_COUNTRY,
    portal: e.MITRA_PORTAL,
    secureCookies: e.MITRA_SECURE_COOKIES,
    trustProxy: e.MITRA_TRUST_PROXY,
    sessionMinutes: e.MITRA_SESSION_MINUTES,
    sessionIdleMinutes: e.MITRA_SESSION_IDLE_MINUTES,
    totpRequiredRoles: Object.freeze(e.MITRA_TOTP_REQUIRED_ROLES),
    publicUrl: e.MITRA_PUBLIC_URL,
    publicUrlSet: present.MITRA_PUBLIC_URL !== undefined,
    iatiPublisher: {
      ref: e.MITRA_IATI_REPORTING_ORG,
      nameEn: e.MITRA_IATI_REPORTING_ORG_NAME,
      nameId: e.MITRA_IATI_REPORTING_ORG_NAME_ID,
      type: '10',
      publicUrl: present.MITRA_PUBLIC_URL !== undefined ? e.MITRA_PUBLIC_URL : null,
    },
    iatiPublishing: {
      maxFileMb: e.MITRA_IATI_MAX_FILE_MB,
      publisherName: e.MITRA_IATI_PUBLISHER_NAME,
      publishDir: e.MITRA_IATI_PUBLISH_DIR ?? defaultPublishDir(e.DATABASE_URL),
      registryUrl: e.MITRA_IATI_REGISTRY_URL ?? null,
      registryKey: e.MITRA_IATI_REGISTRY_KEY ?? null,
    },
    oidc,
    firstAdmin: e.MITRA_ADMIN_EMAIL && e.MITRA_ADMIN_PASSWORD ? { email: e.MITRA_ADMIN_EMAIL, password: e.MITRA_ADMIN_PASSWORD } : null,
  });
}
