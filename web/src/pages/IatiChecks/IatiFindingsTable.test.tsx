// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { IatiFindingsTable } from './IatiFindingsTable.js';

const finding = {
  ruleId: '7.5.3',
  severity: 'error' as const,
  category: 'financial',
  message: 'Budget Period must not be longer than one year.',
  field: 'budget 2 / period-end @iso-date',
  hint: '2025-01-01 to 2026-06-30 is 545 days, more than a year',
  link: 'https://iatistandard.org/en/guidance/standard-guidance/activity-budgets/',
};

describe('IatiFindingsTable', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it("shows the field to fix and the rule's English text, the headings in the user's language", async () => {
    await setLanguage('id');
    render(<IatiFindingsTable findings={[finding]} />);
    expect(screen.getByRole('columnheader', { name: 'Isian yang diperbaiki' })).toBeDefined();
    expect(screen.getByRole('cell', { name: 'Galat' })).toBeDefined();
    expect(screen.getByRole('cell', { name: 'budget 2 / period-end @iso-date' })).toBeDefined();
    const message = screen.getByRole('cell', { name: finding.message });
    expect(message.getAttribute('lang')).toBe('en');
    expect(screen.getByRole('link', { name: '7.5.3' }).getAttribute('href')).toBe(finding.link);
  });
});
