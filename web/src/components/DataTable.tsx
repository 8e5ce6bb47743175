/**
 * The app's data table: scrolling wrapper, optional caption (for screen readers unless told), one
 * header row and the body rows. A table wider than its card scrolls sideways in a region that
 * takes the focus (so the keyboard scrolls it too) and shows a shadow where more columns are;
 * its words are never cut.
 */
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';

export function DataTable({
  caption,
  captionClassName = 'sr-only',
  head,
  children,
}: {
  caption?: ReactNode;
  /** The caption's class: "sr-only" (read by screen readers only) unless given. */
  captionClassName?: string;
  head: ReactNode;
  children: ReactNode;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = wrap.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={wrap}
      className={scrolls ? 'table-wrap scrolls' : 'table-wrap'}
      tabIndex={scrolls ? 0 : undefined}
      aria-label={scrolls && typeof caption === 'string' ? caption : undefined}
      role={scrolls && typeof caption === 'string' ? 'region' : undefined}
    >
      <table className="data">
        {caption !== undefined && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A header's text that may wrap after a slash ("Kunjungan/pertemuan"), where browsers do not break by themselves. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
