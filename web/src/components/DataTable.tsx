/** The app's data table: scrolling wrapper, optional caption for screen readers, one header row and the body rows. */
import type { ReactNode } from 'react';

export function DataTable({ caption, head, children }: { caption?: ReactNode; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data">
        {caption !== undefined && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
