/** The programs carried out under an agreement: linked by their identifier, removed one by one. */
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cooperationTypes, lifecycleStages } from '../../../../src/domain/codes.js';
import { ApiError } from '../../api/client.js';
import { useLinkAgreementProgram, useUnlinkAgreementProgram, type AgreementDetail } from '../../api/partnership-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { Field } from '../../components/Field.js';
import { EmptyState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { PartnershipProblem, usePartnershipIssue } from './agreement-parts.js';

export function AgreementPrograms({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const issue = usePartnershipIssue();
  const id = detail.agreement.id;
  const link = useLinkAgreementProgram(id);
  const unlink = useUnlinkAgreementProgram(id);
  const [identifier, setIdentifier] = useState('');
  const [missing, setMissing] = useState(false);
  const linkIssue = link.error instanceof ApiError ? link.error.issues.find((i) => i.path === 'identifier') : undefined;
  const fieldError = missing
    ? issue({ code: 'required', message: 'is required' })
    : linkIssue
      ? issue({ ...(linkIssue.code ? { code: linkIssue.code } : {}), message: linkIssue.message })
      : undefined;

  const handleAdd = (e: FormEvent) => {
    e.preventDefault();
    const value = identifier.trim();
    setMissing(!value);
    if (!value) return;
    link.mutate(value, { onSuccess: () => setIdentifier('') });
  };

  return (
    <section className="card" aria-labelledby="agreement-programs">
      <h2 id="agreement-programs">{t('partnerships.agreements.programs.title')}</h2>
      {detail.programs.length === 0 ? (
        <EmptyState>{t('partnerships.agreements.programs.empty')}</EmptyState>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col">{t('partnerships.agreements.programs.identifier')}</th>
              <th scope="col">{t('partnerships.agreements.programs.program')}</th>
              <th scope="col">{t('common.year')}</th>
              <th scope="col">{t('partnerships.agreements.programs.type')}</th>
              <th scope="col">{t('partnerships.agreements.programs.stage')}</th>
              {detail.canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('common.remove')}</span>
                </th>
              )}
            </>
          }
        >
          {detail.programs.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">
                <Link to="/programs/$id" params={{ id: String(p.id) }}>
                  {p.identifier}
                </Link>
              </td>
              <td className="title-cell">{f.title(p)}</td>
              <td>{p.year ?? '—'}</td>
              <td>{f.code(cooperationTypes, p.cooperationType)}</td>
              <td>
                <span className={`stage-badge stage-${p.lifecycleStage}`}>{f.code(lifecycleStages, p.lifecycleStage)}</span>
              </td>
              {detail.canEdit && (
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={unlink.isPending}
                    onClick={() => unlink.mutate(p.id)}
                    aria-label={t('partnerships.agreements.programs.removeOne', { identifier: p.identifier })}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {unlink.error && <PartnershipProblem error={unlink.error} />}
      {detail.canEdit && (
        <form className="row add-row" noValidate onSubmit={handleAdd} aria-label={t('partnerships.agreements.programs.add')}>
          <Field
            label={t('partnerships.agreements.programs.addLabel')}
            error={fieldError}
            hint={t('partnerships.agreements.programs.addHint')}
          >
            {(props) => <input {...props} type="text" value={identifier} onChange={(e) => setIdentifier(e.target.value)} />}
          </Field>
          <div className="filter-actions">
            <button type="submit" disabled={link.isPending}>
              {t('partnerships.agreements.programs.add')}
            </button>
          </div>
        </form>
      )}
      {link.error && !linkIssue && <PartnershipProblem error={link.error} />}
    </section>
  );
}
