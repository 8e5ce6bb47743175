/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core against a
 * real Mitra server on a free port, over a fresh SQLite database with the demo data.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Role } from '../../src/domain/access/actor.js';
import { userInputSchema } from '../../src/domain/account/user.js';
import { createUser } from '../../src/services/users.js';
import { ensureOrg, ensureRecipientOrg } from '../../src/testing/server.js';
import { findWebRoot, serverFor, type AppContext } from '../../src/main.js';
import { loadDemoData } from '../../src/services/demo/load-demo.js';
import { openTestApp } from '../../src/testing/engines.js';
import type { Clock } from '../../src/services/deps.js';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const webRoot = findWebRoot();
export const canRun = existsSync(CHROMIUM) && webRoot !== null;

if (!canRun) {
  console.warn(
    `\n*** Browser tests SKIPPED: ${existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM} (apt-get install chromium)`}${webRoot ? '' : ' no built web app (npm run build)'} ***\n`,
  );
}

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  readonly app: AppContext;
  close(): Promise<void>;
}

export const E2E_PASSWORD = 'Tiga-kata-rahasia-2026';

/**
 * A page in a new browser context (English, 1280 × 900 unless `options` say otherwise) whose
 * script errors are collected in `errors`, waiting at most 10 s for what a test expects.
 */
export async function openPage(
  h: Harness,
  errors: string[],
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/**
 * The organisation each role's test account acts for (agency: the Ministry of Health of the demo
 * data; focal point: Fiji's foreign ministry, a recipient institution).
 */
const ORG_OF: Readonly<Record<Role, string | null>> = {
  admin: null,
  coordinator: null,
  agency: 'ID-KEMENKES',
  embassy: 'ID-KBRI-SUVA',
  focal_point: 'FJ-MFA',
  viewer: null,
};

/** Creates an account with the shared test password; its email is `<role>@e2e.test` unless given. */
export async function addAccount(h: Harness, role: Role, email = `${role}@e2e.test`): Promise<string> {
  const orgCode = ORG_OF[role];
  if (orgCode)
    await (role === 'focal_point'
      ? ensureRecipientOrg(h.app, orgCode, 'FJ')
      : ensureOrg(h.app, orgCode, role === 'embassy' ? 'embassy' : 'provider_agency'));
  await createUser(h.app.deps, userInputSchema.parse({ email, name: `E2E ${role}`, role, orgCode, password: E2E_PASSWORD }));
  return email;
}

/** Signs in through the sign-in page; returns the session's CSRF token (for page.request writes). */
export async function login(page: Page, h: Harness, email: string, password = E2E_PASSWORD): Promise<string> {
  await page.goto(`${h.url}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const session = (await (await page.request.get(`${h.url}/api/v1/auth/session`)).json()) as { csrfToken: string };
  return session.csrfToken;
}

/**
 * One harness and one page for a describe block. `setup` prepares what the tests need (accounts,
 * records) before the page opens; the page's script errors are collected in `errors`.
 */
export function useBrowser(setup: (h: Harness) => Promise<void> = async () => {}): {
  readonly h: Harness;
  readonly page: Page;
  readonly errors: string[];
} {
  const state = { errors: [] as string[] } as { h: Harness; page: Page; context: BrowserContext; errors: string[] };
  beforeAll(async () => {
    state.h = await startHarness();
    await setup(state.h);
    ({ context: state.context, page: state.page } = await openPage(state.h, state.errors));
  }, 60_000);
  afterAll(async () => {
    await state.context?.close();
    await state.h?.close();
  });
  return state;
}

/**
 * `clock`: the server's time (default the real one), for journeys that need days to pass; `env`:
 * configuration beyond the tests' defaults (MITRA_TOTP_REQUIRED_ROLES, "none" unless given).
 */
export async function startHarness(options: { demo?: boolean; clock?: Clock; env?: Record<string, string> } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-e2e-'));
  const app = await openTestApp(
    `file:${join(dir, 'e2e.sqlite')}`,
    options.clock ?? { nowIso: () => new Date().toISOString() },
    options.env,
  );
  if (options.demo ?? true) await loadDemoData(app.deps);
  const server: FastifyInstance = await serverFor(app, { logLevel: 'silent' });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    url: address,
    browser,
    app,
    close: async () => {
      await browser.close();
      await server.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
