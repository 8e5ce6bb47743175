/**
 * Register or change a program. The form checks with the same schema and rules as the API
 * (program-form.ts), shows each error next to its field in the active language, and shows the
 * server's answer the same way (its issues name the fields).
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Program } from '../../api/client.js';
import { useProgram, useSaveProgram } from '../../api/queries.js';
import { useSession } from '../../auth/session.js';
import { errorsFromIssues, type FieldErrors } from '../../components/field-errors.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { ConflictPanel, staleDetails, type StaleDetails } from './ConflictPanel.js';
import { emptyProgramForm, programFormOf, toProgramBody, validateProgramForm, type ProgramFormState } from './program-form.js';
import { BasicsSection, DatesSection, type SectionProps, type SetProgramField } from './ProgramFields.js';
import { CountriesSection, MoneySection, PartnersSection } from './ProgramRows.js';
import { ErrorsBelow } from '../../components/FormParts.js';

export function NewProgramPage() {
  return <ProgramForm initial={emptyProgramForm()} />;
}

export function EditProgramPage() {
  const { id } = useParams({ from: '/programs/$id/edit' });
  const activity = useProgram(Number(id));
  if (activity.isPending) return <Loading />;
  if (activity.error || !activity.data) return <ProblemMessage error={activity.error} onRetry={() => void activity.refetch()} />;
  return (
    <ProgramForm initial={programFormOf(activity.data)} activity={activity.data} onReload={async () => (await activity.refetch()).data} />
  );
}

function ProgramForm({
  initial,
  activity,
  onReload,
}: {
  initial: ProgramFormState;
  activity?: Program;
  onReload?: () => Promise<Program | undefined>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveProgram();
  const [state, setState] = useState<ProgramFormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [problem, setProblem] = useState<unknown>(null);
  // The version this form started from (If-Match): fixed when the form opens, so that a
  // background refresh of the program can never make a save overwrite someone else's change.
  const [baseVersion, setBaseVersion] = useState(activity?.version);
  const [conflict, setConflict] = useState<StaleDetails | null>(null);
  const { user } = useSession();
  // Only the coordination team registers a program at a later stage; others file requests.
  const chooseStage = !activity && (user?.role === 'admin' || user?.role === 'coordinator');
  // An agency registers and edits its own programs only (authorizeCreateProgram): its agency is the implementer.
  const ownAgency = user?.role === 'agency' ? user.orgCode : null;
  useEffect(() => {
    if (ownAgency && state.implementingOrg === '') setState((s) => ({ ...s, implementingOrg: ownAgency }));
  }, [ownAgency, state.implementingOrg]);
  const set: SetProgramField = (key, value) => setState((s) => ({ ...s, [key]: value }));
  const section: SectionProps = {
    state,
    set,
    err: (path) => errors.get(path),
    errUnder: (prefix) => [...errors.entries()].find(([p]) => p === prefix || p.startsWith(`${prefix}.`))?.[1],
  };

  const send = (version: number | undefined) => {
    setProblem(null);
    setConflict(null);
    save.mutate(
      { id: activity?.id, version, body: toProgramBody(state, chooseStage) },
      {
        onSuccess: (saved) => void navigate({ to: '/programs/$id', params: { id: String(saved.id) } }),
        onError: (error) => {
          const stale = staleDetails(error);
          if (stale) return setConflict(stale);
          setProblem(error);
          if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
        },
      },
    );
  };

  const loadTheirs = async () => {
    const fresh = await onReload?.();
    if (!fresh) return;
    setState(programFormOf(fresh));
    setBaseVersion(fresh.version);
    setErrors(new Map());
    setConflict(null);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (conflict) return; // the user chooses in the conflict panel
    setProblem(null);
    const found = validateProgramForm(state);
    setErrors(found);
    if (found.size > 0) {
      document.querySelector<HTMLElement>('.has-error input, .has-error select, .has-error textarea')?.focus();
      return;
    }
    send(baseVersion);
  };

  return (
    <form className="program-form" onSubmit={submit} noValidate>
      <h1>{activity ? t('form.editTitle', { identifier: activity.identifier }) : t('form.newTitle')}</h1>
      <ErrorsBelow errors={errors} />
      {problem !== null && !(problem instanceof ApiError && problem.issues.length > 0) && <ProblemMessage error={problem} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          busy={save.isPending}
          onLoadTheirs={() => void loadTheirs()}
          onSaveMine={() => send(conflict.currentVersion)}
        />
      )}

      <BasicsSection {...section} chooseStage={chooseStage} ownAgency={ownAgency} />
      <DatesSection {...section} />
      <CountriesSection {...section} />
      <PartnersSection {...section} />
      <MoneySection {...section} />

      <div className="actions sticky">
        <button type="submit" disabled={save.isPending || conflict !== null}>
          {t('common.save')}
        </button>
        {activity ? (
          <Link className="button secondary" to="/programs/$id" params={{ id: String(activity.id) }}>
            {t('common.cancel')}
          </Link>
        ) : (
          <Link className="button secondary" to="/programs">
            {t('common.cancel')}
          </Link>
        )}
      </div>
    </form>
  );
}
