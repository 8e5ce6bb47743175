/// <reference lib="dom" />
/**
 * The second factor in the browser, with administrators required to use one (as in production):
 * the first sign-in sets it up (QR code, key as text, first code, recovery codes shown once),
 * the next asks for the app's code (computed here from the key, RFC 6238), another takes a
 * recovery code, and the account page shows the codes left (in English and in Indonesian); an
 * administrator resets another account's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '../../src/domain/account/second-factor.js';
import { totpAt } from '../../src/services/totp.js';
import { addAccount, canRun, E2E_PASSWORD, openPage, startHarness, type Harness } from './browser.js';

describe.skipIf(!canRun)('the second factor in the browser', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  let key: Uint8Array = new Uint8Array();
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ demo: false, env: { MITRA_TOTP_REQUIRED_ROLES: 'admin,coordinator' } });
    await addAccount(h, 'admin');
    ({ context, page } = await openPage(h, errors));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  const password = async () => {
    await page.goto(`${h.url}/login`);
    await page.getByLabel('Email', { exact: true }).fill('admin@e2e.test');
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
  };
  /** The code of the next time step: the one of this step was used by the step before. */
  const nextCode = () => totpAt(key, Date.now() + 30_000);

  it('sets up the second factor at the first sign-in of an administrator, with the recovery codes shown once', async () => {
    await password();
    await page.getByRole('heading', { name: 'Set up a second factor' }).waitFor();
    // Nothing else is reachable meanwhile: the API answers 403 with the problem's code.
    const users = await page.request.get(`${h.url}/api/v1/users`);
    expect([users.status(), ((await users.json()) as { code: string }).code]).toEqual([403, 'auth.second_factor_enrolment_required']);
    await page.getByRole('button', { name: 'Set up the authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code to add Mitra to your authenticator app' }).waitFor();
    const secret = (await page.getByLabel('Key').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    key = base32Decode(secret) ?? new Uint8Array();
    await page.getByLabel('Code (6 digits)').fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('The code is wrong, was already used or has expired.').waitFor();
    await page.getByLabel('Code (6 digits)').fill(totpAt(key, Date.now()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const list = page.getByRole('list', { name: 'Your recovery codes' });
    await list.waitFor();
    recoveryCodes = await list.getByRole('listitem').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    expect(await page.getByRole('link', { name: 'Download the codes' }).getAttribute('download')).toBe('mitra-recovery-codes.txt');
    await page.getByRole('button', { name: 'I have saved the codes: continue' }).click();
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Users' }).waitFor();
    expect(new URL(page.url()).pathname).not.toMatch(/^\/login/);
  });

  it('asks for the code of the app after the password at the next sign-in', async () => {
    await signOut();
    await password();
    await page.getByRole('heading', { name: 'Code from your authenticator app' }).waitFor();
    await page.getByLabel('Code (6 digits)').fill(nextCode());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Users' }).waitFor();
  });

  it('takes a recovery code instead, in Indonesian, and the account page counts the codes left', async () => {
    await signOut();
    await page.getByRole('button', { name: 'Bahasa Indonesia, ID' }).click();
    await page.goto(`${h.url}/login`);
    await page.getByLabel('Email', { exact: true }).fill('admin@e2e.test');
    await page.getByLabel('Kata sandi', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Kode dari aplikasi autentikator Anda' }).waitFor();
    await page.getByRole('button', { name: 'Gunakan kode pemulihan' }).click();
    await page.getByLabel('Kode pemulihan').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${h.url}/account/second-factor`);
    await page.getByText(/Faktor kedua aktif sejak .+\. Tersisa 9 kode pemulihan\./).waitFor();
  });

  it("lets the administrator reset another account's second factor from the users page (audited)", async () => {
    await addAccount(h, 'coordinator');
    await page.getByRole('button', { name: 'English, EN' }).click();
    await page.goto(`${h.url}/admin/users`);
    await page.getByRole('button', { name: 'Edit coordinator@e2e.test' }).click();
    await page.getByRole('button', { name: 'Reset the second factor' }).click();
    await page.getByText('The second factor of coordinator@e2e.test is reset.').waitFor();
    const audit = await h.app.deps.store.repos.audit.search({ action: 'second_factor_reset', page: 1, pageSize: 10 });
    expect(audit.items.map((e) => [e.actorLabel, e.entityLabel])).toEqual([['admin@e2e.test', 'coordinator@e2e.test']]);
    expect(errors).toEqual([]);
  });
});
