/**
 * A row's "More actions" menu (the WAI-ARIA menu button pattern): a button with aria-haspopup and
 * aria-expanded opens a list of actions; the arrow keys, Home and End move between them, Enter or
 * Space chooses one, Escape (or Tab, or a click elsewhere) closes the menu and focus goes back to
 * the button. Destructive actions live here rather than as a button on every row; the action
 * itself asks for confirmation where it cannot be undone.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface RowAction {
  readonly label: string;
  readonly onSelect: () => void;
  /** Shown in the danger colour (removing, erasing). */
  readonly danger?: boolean;
}

export function RowMenu({ label, actions }: { label: string; actions: readonly RowAction[] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // Fixed to the viewport below the button: tables scroll sideways (overflow), which would clip a menu placed inside them.
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };

  /** Below the button, or above it when the viewport has no room below. */
  const placeMenu = () => {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const height = menu.current?.offsetHeight ?? 0;
    const below = rect.bottom + 4;
    const top = below + height > window.innerHeight && rect.top - height - 4 > 0 ? rect.top - height - 4 : below;
    setPlace({ top, right: Math.max(8, window.innerWidth - rect.right) });
  };

  useEffect(() => {
    if (!open) return;
    placeMenu();
    items()[0]?.focus({ preventScroll: true });
    const handleOutside = (e: MouseEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    // The menu follows its button when the page or a table scrolls.
    document.addEventListener('mousedown', handleOutside);
    window.addEventListener('scroll', placeMenu, true);
    window.addEventListener('resize', placeMenu);
    return () => {
      document.removeEventListener('mousedown', handleOutside);
      window.removeEventListener('scroll', placeMenu, true);
      window.removeEventListener('resize', placeMenu);
    };
    // placeMenu and items read refs only: the effect runs when the menu opens or closes.
  }, [open]);

  const show = () => {
    placeMenu();
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const handleMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const current = items().findIndex((el) => el === document.activeElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(current + 1),
      ArrowUp: () => focusItem(current - 1),
      Home: () => focusItem(0),
      End: () => focusItem(items().length - 1),
      Escape: close,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    } else if (e.key === 'Tab') setOpen(false);
  };

  if (actions.length === 0) return null;
  return (
    <div className="row-menu">
      <button
        ref={button}
        type="button"
        className="secondary small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={label}
        title={label}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show();
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={label}
          className="row-menu-list"
          style={place ? { top: place.top, right: place.right } : undefined}
          onKeyDown={handleMenuKey}
        >
          {actions.map((a) => (
            <li key={a.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={a.danger ? 'danger-text' : undefined}
                onClick={() => {
                  close();
                  a.onSelect();
                }}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
