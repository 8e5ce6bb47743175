/**
 * Where a follow-up comes from (issue 25): an engagement (its reference, linked, with its title) or
 * a program's evaluation (the program's identifier, linked to its evaluation, with its title).
 */
import { Link } from '@tanstack/react-router';
import type { Schemas, User } from '../../api/client.js';
import { useFormat } from '../../format.js';
import { canPartnerships } from '../../auth/partnership-rules.js';

type Row = Schemas['FollowUpRow'];

export function FollowUpSource({ followUp: x, withTitle = true }: { followUp: Row; withTitle?: boolean }) {
  const f = useFormat();
  if (x.engagementId === null) {
    return (
      <>
        <Link
          to="/programs/$id"
          params={{ id: String(x.programId) }}
          hash="evaluation-title"
          title={f.text(x.programTitleEn, x.programTitleId) ?? undefined}
        >
          {x.programIdentifier}
        </Link>
        {withTitle && (
          <>
            <br />
            <span className="muted small">{f.text(x.programTitleEn, x.programTitleId)}</span>
          </>
        )}
      </>
    );
  }
  return (
    <>
      <Link
        to="/engagements/$id"
        params={{ id: String(x.engagementId) }}
        title={f.text(x.engagementTitle, x.engagementTitleId) ?? undefined}
      >
        {x.engagementReference}
      </Link>
      {withTitle && (
        <>
          <br />
          <span className="muted small">{f.text(x.engagementTitle, x.engagementTitleId)}</span>
        </>
      )}
    </>
  );
}

/**
 * Who edits a follow-up as its source decides: an engagement's editors (its owning agency and the
 * coordination team); an evaluation's, the coordination team only (services/follow-ups.ts).
 */
export function followUpEditors(
  user: User | null,
  x: Pick<Row, 'engagementId' | 'ownerOrg'>,
): { canEdit: boolean; ownerOrg: string | null } {
  return {
    canEdit: x.engagementId === null ? canPartnerships.coordinate(user) : canPartnerships.edit(user, x.ownerOrg),
    ownerOrg: x.ownerOrg,
  };
}
