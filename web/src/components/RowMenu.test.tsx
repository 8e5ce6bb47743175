// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RowMenu } from './RowMenu.js';

describe('RowMenu', () => {
  afterEach(cleanup);
  const setup = () => {
    const edit = vi.fn();
    const remove = vi.fn();
    render(
      <RowMenu
        label="More actions for Mere"
        actions={[
          { label: 'Edit', onSelect: edit },
          { label: 'Remove', onSelect: remove, danger: true },
        ]}
      />,
    );
    return { edit, remove, button: screen.getByRole('button', { name: 'More actions for Mere' }) };
  };

  it('is a menu button: collapsed until opened, then the first action has the focus', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu', { name: 'More actions for Mere' })).toBeDefined();
    expect(document.activeElement?.textContent).toBe('Edit');
  });

  it('moves with the arrow keys, wraps, and closes with Escape, focus back on the button', () => {
    const { button } = setup();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Remove');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Edit');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('Remove');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('runs the chosen action once and closes', () => {
    const { button, edit, remove } = setup();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove' }));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(edit).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows nothing without actions', () => {
    render(<RowMenu label="More actions" actions={[]} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
