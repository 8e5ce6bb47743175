/**
 * Other publishers' IATI files imported (issue 22), newest first: each with its publisher, its
 * file, when it came, its IATI version and its counts; its activities one click away, and its
 * deletion (the coordination team) after a confirmation saying how many activities go.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatasets, useDeleteDataset, type IatiDataset } from '../../api/other-provider-queries.js';
import { canOtherProviders } from '../../auth/other-provider-rules.js';
import { useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { RowMenu } from '../../components/RowMenu.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { ConfirmDialog } from '../Program/ConfirmDialog.js';
import { dayOf, OtherProvidersTabs, publisherLabel } from './OtherProvidersTabs.js';

export function DatasetsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { user } = useSession();
  const manage = canOtherProviders.manage(user);
  const list = useDatasets();
  const remove = useDeleteDataset();
  const [deleting, setDeleting] = useState<IatiDataset | null>(null);
  const [deleted, setDeleted] = useState<{ fileName: string; activities: number } | null>(null);

  const handleDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: (r) => {
        setDeleted({ fileName: r.dataset.fileName, activities: r.activities });
        setDeleting(null);
      },
    });
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('otherProviders.title')}</h1>
        {manage && (
          <div className="actions">
            <Link className="button secondary" to="/import" search={{ kind: 'iati' }}>
              {t('otherProviders.importFile')}
            </Link>
          </div>
        )}
      </div>
      <p className="muted">{t('otherProviders.intro')}</p>
      <OtherProvidersTabs />
      {deleted && (
        <p className="success" role="status">
          {t('otherProviders.datasets.deleted', { count: deleted.activities, file: deleted.fileName })}
        </p>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.error || !list.data ? (
        <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('otherProviders.datasets.empty')}</EmptyState>
      ) : (
        <DataTable
          caption={t('otherProviders.datasets.caption')}
          head={
            <>
              <th scope="col">{t('otherProviders.columns.publisher')}</th>
              <th scope="col">{t('otherProviders.columns.file')}</th>
              <th scope="col">{t('otherProviders.columns.importedAt')}</th>
              <th scope="col">{t('otherProviders.columns.iatiVersion')}</th>
              <th scope="col" className="num">
                {t('otherProviders.columns.activities')}
              </th>
              <th scope="col" className="num">
                {t('otherProviders.columns.warnings')}
              </th>
              <th scope="col" className="num">
                {t('otherProviders.columns.refused')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('otherProviders.columns.actions')}</span>
              </th>
            </>
          }
        >
          {list.data.items.map((d) => (
            <tr key={d.id}>
              <td>{publisherLabel(d)}</td>
              <td>
                <code>{d.fileName}</code>
              </td>
              <td>{f.date(dayOf(d.importedAt))}</td>
              <td>{d.iatiVersion ?? '—'}</td>
              <td className="num">{f.number(d.activities)}</td>
              <td className="num">{f.number(d.warnings)}</td>
              <td className="num">{f.number(d.refused)}</td>
              <td>
                <RowMenu
                  label={t('otherProviders.datasets.menu', { file: d.fileName })}
                  actions={[
                    {
                      label: t('otherProviders.datasets.showActivities'),
                      onSelect: () => void navigate({ to: '/other-providers/activities', search: { datasetId: d.id } }),
                    },
                    ...(manage
                      ? [
                          {
                            label: t('otherProviders.datasets.delete'),
                            danger: true,
                            onSelect: () => {
                              remove.reset();
                              setDeleted(null);
                              setDeleting(d);
                            },
                          },
                        ]
                      : []),
                  ]}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('otherProviders.datasets.deleteTitle', { file: deleting.fileName })}
          text={t('otherProviders.datasets.deleteText', {
            count: deleting.activities,
            publisher: publisherLabel(deleting),
            file: deleting.fileName,
          })}
          confirm={t('otherProviders.datasets.deleteConfirm', { count: deleting.activities })}
          busy={remove.isPending}
          error={remove.error}
          onCancel={() => setDeleting(null)}
          onConfirm={handleDelete}
        />
      )}
    </>
  );
}
