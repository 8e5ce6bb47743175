/** The priorities page's refused requests: the problem, with each field's issue. */
import { ApiError } from '../../api/client.js';
import { IssueList, ProblemMessage } from '../../components/Status.js';

/** Field problems of a refused request, each with its field. */
export function Issues({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return error ? <ProblemMessage error={error} /> : null;
  return (
    <div className="problem" role="alert">
      <p>{error.message}</p>
      <IssueList issues={error.issues} />
    </div>
  );
}
