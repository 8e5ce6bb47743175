/**
 * What a stage still needs (issue 25): the server's list of missing things for `complete` or
 * `evaluate` (GET …/completion or …/evaluation, `missing`), each in the page's own words by its path.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { dacCriteria } from '../../../../src/domain/program/evaluation.js';
import type { ProblemIssue } from '../../api/client.js';
import { useCompletion, useEvaluation } from '../../api/completion-queries.js';
import { useFormat } from '../../format.js';

/** One missing thing in words, read off its path (`completion.costs`, `evaluation.recommendations.0.actions.1.owner`). */
export function needText(t: TFunction, label: (criterion: string) => string, issue: Pick<ProblemIssue, 'path'>): string {
  const parts = issue.path.split('.');
  const [record, field, a, b, c] = parts;
  if (parts.length === 1) return t(`completion.needs.${record === 'evaluation' ? 'evaluation' : 'completion'}`);
  if (record === 'completion' && field) return t(`completion.needs.${field}`, { defaultValue: issue.path });
  if (field === 'criteria' && a)
    return t(b === 'reason' ? 'completion.needs.criterionReason' : 'completion.needs.criterion', { criterion: label(a) });
  if (field === 'recommendations' && a && b) {
    const n = Number(a) + 1;
    if (b === 'actions' && c !== undefined)
      return t(`completion.needs.${parts[5] === 'dueOn' ? 'dueOn' : 'owner'}`, { n, m: Number(c) + 1 });
    return t(`completion.needs.${b}`, { n, defaultValue: issue.path });
  }
  return t(`completion.needs.${field ?? ''}`, { defaultValue: issue.path });
}

export function NeedsList({ action, missing }: { action: 'complete' | 'evaluate'; missing: readonly ProblemIssue[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (missing.length === 0) return null;
  const label = (criterion: string) => f.code(dacCriteria, criterion);
  return (
    <div className="stage-needs" data-testid={`needs-${action}`}>
      <p className="muted">{t(`completion.needs.${action}`)}</p>
      <ul>
        {missing.map((i) => (
          <li key={i.path}>{needText(t, label, i)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Under the process buttons: what `complete` or `evaluate` still needs, when the user may make it. */
export function StageNeeds({ programId, action }: { programId: number; action: 'complete' | 'evaluate' }) {
  return action === 'complete' ? <CompletionNeeds programId={programId} /> : <EvaluationNeeds programId={programId} />;
}

function CompletionNeeds({ programId }: { programId: number }) {
  const query = useCompletion(programId);
  return <NeedsList action="complete" missing={query.data?.missing ?? []} />;
}

function EvaluationNeeds({ programId }: { programId: number }) {
  const query = useEvaluation(programId);
  return <NeedsList action="evaluate" missing={query.data?.missing ?? []} />;
}
