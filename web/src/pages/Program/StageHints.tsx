/**
 * What waits for a later stage of the program (issue 21): a short line instead of the buttons
 * for course offers, attendance and survey results, until the program reaches their stage. Only
 * work still ahead on the main path is named; a stopped (rejected, cancelled) program has none.
 */
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../../../../src/domain/codes.js';
import { STAGES_FOR, type StagedWork } from '../../../../src/domain/program/stage-status.js';
import { MAIN_PATH } from './ProcessSection.js';

const WORK: readonly StagedWork[] = ['nominations', 'attendance', 'surveys'];

/** The work whose first stage is still ahead of this stage. */
export function workAhead(stage: LifecycleStage): StagedWork[] {
  const at = MAIN_PATH.indexOf(stage);
  if (at < 0) return [];
  return WORK.filter((work) => MAIN_PATH.indexOf(STAGES_FOR[work][0] ?? 'evaluated') > at);
}

export function StageHints({ stage }: { stage: LifecycleStage }) {
  const { t } = useTranslation();
  const ahead = workAhead(stage);
  if (ahead.length === 0) return null;
  return (
    <p className="muted small stage-hints" data-testid="stage-hints">
      {ahead.map((work) => t(`lifecycle.later.${work}`)).join(' ')}
    </p>
  );
}
