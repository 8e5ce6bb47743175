/**
 * A modal <dialog>, open while it is mounted: focus stays inside it, Escape closes it (unless it
 * is busy), and focus goes back to what opened it. The dialogs of the app (confirmations, reasons,
 * a participant's form) are its children.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

export function Modal({
  labelledBy,
  describedBy,
  busy,
  onClose,
  dialogRef,
  className = 'dialog',
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  busy: boolean;
  onClose: () => void;
  /** The dialog element, for a form that moves the focus inside it. */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  className?: string;
  children: ReactNode;
}) {
  const own = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? own;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    // jsdom has no showModal: there the dialog is simply open.
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    return () => opener?.focus();
  }, [ref]);

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
