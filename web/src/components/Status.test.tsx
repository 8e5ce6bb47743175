// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { initI18n, setLanguage } from '../i18n/index.js';
import { ProblemMessage } from './Status.js';

describe('ProblemMessage', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  it('translates a problem by its code and keeps the server detail', async () => {
    await setLanguage('id');
    render(<ProblemMessage error={new ApiError(409, 'activity.stale', 'program 3 was changed by someone else')} />);
    expect(screen.getByRole('alert').textContent).toContain('Orang lain telah mengubah program ini');
    expect(screen.getByRole('alert').textContent).toContain('program 3 was changed by someone else');
  });

  it('falls back to the server message for a code it does not know, shown as text', async () => {
    await setLanguage('en');
    render(<ProblemMessage error={new ApiError(422, 'something.new', '<b>not bold</b>')} />);
    expect(screen.getAllByRole('alert').at(-1)?.innerHTML).toContain('&lt;b&gt;not bold&lt;/b&gt;');
  });
});
