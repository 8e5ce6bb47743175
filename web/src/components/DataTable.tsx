/** The app's data table: scrolling wrapper, optional caption (for screen readers unless told), one header row and the body rows. */
import type { ReactNode } from 'react';

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
  return (
    <div className="table-wrap">
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
