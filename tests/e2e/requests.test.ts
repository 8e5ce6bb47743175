/**
 * Correcting and deleting a partner government's request in the browser: the embassy that relayed
 * a request corrects its period while it is registered, the coordination team corrects one under
 * assessment, and a request registered by mistake is deleted after a confirmation. A request's
 * topic and note entered in Indonesian too are shown in Indonesian, and the Indonesian topic stays
 * when the English one is corrected.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, useBrowser } from './browser.js';

describe.skipIf(!canRun)('requests: corrected and deleted while still open', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
    await addAccount(h, 'embassy');
  });
  const state = { url: '' };

  it('lets the relaying embassy register a request, then correct it while it is registered', async () => {
    const { page, h } = b;
    await login(page, h, 'embassy@e2e.test');
    await page.goto(`${h.url}/requests/new`);
    const form = page.locator('form.form');
    await form.getByLabel(/^Requesting country/).fill('Fiji');
    await page.getByRole('option', { name: /^Fiji/ }).first().click();
    await form.getByLabel('Topic (required)').fill('Training of district officers in disaster risk management');
    await form.getByLabel(/^Preferred period: from/).fill('2027-03-01');
    await form.getByRole('button', { name: 'Register the request' }).click();
    await page.waitForURL(/\/requests\/\d+$/);
    state.url = page.url();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: /^Correct request REQ-/ }).waitFor();
    await page.getByLabel(/^Preferred period: to/).fill('2027-02-01');
    await page.getByRole('button', { name: 'Save the corrections' }).click();
    // The period ends before it starts: refused at its field, nothing saved.
    await page.getByText('The end must not be before the start.').waitFor();
    await page.getByLabel(/^Preferred period: to/).fill('2027-03-19');
    await page.getByRole('button', { name: 'Save the corrections' }).click();
    await page.waitForURL(state.url);
    await page.getByText('1 Mar 2027 – 19 Mar 2027').waitFor();
  });

  it('lets the coordination team delete a request registered by mistake', async () => {
    const { page, h } = b;
    await login(page, h, 'coordinator@e2e.test');
    await page.goto(state.url);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/requests$/);
    const gone = await page.request.get(`${state.url.replace('/requests/', '/api/v1/requests/')}`);
    expect(gone.status()).toBe(404);
    expect(b.errors).toEqual([]);
  });

  it('shows a request’s topic and note in Indonesian when entered in both, and keeps the Indonesian topic when the English one is corrected', async () => {
    const { page, h } = b;
    const topic = 'Training of lifeguards in sea rescue';
    const topik = 'Pelatihan penjaga pantai dalam penyelamatan di laut';
    await login(page, h, 'coordinator@e2e.test');
    await page.goto(`${h.url}/requests/new`);
    const form = page.locator('form.form');
    await form.getByLabel(/^Requesting country/).fill('Fiji');
    await page.getByRole('option', { name: /^Fiji/ }).first().click();
    await form.getByLabel('Topic (required)').fill(topic);
    await form.getByLabel('Topic (Indonesian)').fill(topik);
    await form.getByRole('button', { name: 'Register the request' }).click();
    await page.waitForURL(/\/requests\/\d+$/);
    const url = page.url();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: topic }).waitFor();

    // The note of the assessment, in both languages.
    const assess = page.locator('form').filter({ has: page.getByRole('button', { name: 'Take up for assessment' }) });
    await assess.getByLabel('Note (optional)').fill('Ask BASARNAS for trainers.');
    await assess.getByLabel('Note in Indonesian (optional)').fill('Minta pelatih dari BASARNAS.');
    await assess.getByRole('button', { name: 'Take up for assessment' }).click();
    await page.getByRole('status').filter({ hasText: 'The request is now under assessment.' }).waitFor();
    await page.locator('dl.facts').getByText('Ask BASARNAS for trainers.').waitFor();

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await heading.filter({ hasText: topik }).waitFor();
    await page.locator('dl.facts').getByText('Minta pelatih dari BASARNAS.').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await heading.filter({ hasText: topic }).waitFor();

    // Correcting the English topic: the Indonesian one is in the form, and stays.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: /^Correct request REQ-/ }).waitFor();
    expect(await page.getByLabel('Topic (Indonesian)').inputValue()).toBe(topik);
    await page.getByLabel('Topic (required)').fill('Training of lifeguards in sea and river rescue');
    await page.getByRole('button', { name: 'Save the corrections' }).click();
    await page.waitForURL(url);
    await heading.filter({ hasText: 'Training of lifeguards in sea and river rescue' }).waitFor();
    const stored = (await (await page.request.get(url.replace('/requests/', '/api/v1/requests/'))).json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ topic: 'Training of lifeguards in sea and river rescue', topicId: topik });
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await heading.filter({ hasText: topik }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    expect(b.errors).toEqual([]);
  });
});
