/**
 * What differs between an edition and the live figures (or between two editions, errata): the
 * figures that differ, then the programs added, removed and changed, field by field. The server
 * computes the differences (domain/report/edition-diff.ts); this only lays them out.
 */
import { useTranslation } from 'react-i18next';
import type { EditionDifferences } from '../../api/edition-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { useFormat } from '../../format.js';

/** A value as the comparison gives it: a count, a code, a list; absent when the row is not on that side. */
function ValueText({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined || value === null) return <>{t('editions.differences.absent')}</>;
  return <>{typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)}</>;
}

export function differenceCounts(d: EditionDifferences) {
  return { figures: d.figures.length, added: d.added.length, removed: d.removed.length, changed: d.changed.length };
}

export function DifferencesView({ d, beforeLabel, afterLabel }: { d: EditionDifferences; beforeLabel: string; afterLabel: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="differences">
      <p className="muted">{t('editions.differences.summary', differenceCounts(d))}</p>
      {d.figures.length > 0 && (
        <DataTable
          caption={t('editions.differences.figures')}
          captionClassName=""
          head={
            <>
              <th scope="col">{t('editions.differences.figure')}</th>
              <th scope="col" className="num">
                {beforeLabel}
              </th>
              <th scope="col" className="num">
                {afterLabel}
              </th>
            </>
          }
        >
          {d.figures.map((x) => (
            <tr key={x.path}>
              <th scope="row">
                <code>{x.path}</code>
              </th>
              <td className="num">
                <ValueText value={x.before} />
              </td>
              <td className="num">
                <ValueText value={x.after} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {(
        [
          ['added', d.added],
          ['removed', d.removed],
        ] as const
      ).map(
        ([kind, rows]) =>
          rows.length > 0 && (
            <DataTable
              key={kind}
              caption={t(`editions.differences.${kind}`)}
              captionClassName=""
              head={<th scope="col">{t('editions.differences.program')}</th>}
            >
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <code>{r.identifier}</code> {f.title(r)}
                  </td>
                </tr>
              ))}
            </DataTable>
          ),
      )}
      {d.changed.length > 0 && (
        <DataTable
          caption={t('editions.differences.changed')}
          captionClassName=""
          head={
            <>
              <th scope="col">{t('editions.differences.program')}</th>
              <th scope="col">{t('editions.differences.field')}</th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
            </>
          }
        >
          {d.changed.flatMap((r) =>
            r.fields.map((field) => (
              <tr key={`${r.id}:${field.field}`}>
                <td>
                  <code>{r.identifier}</code> {f.title(r)}
                </td>
                <td>{field.field}</td>
                <td>
                  <ValueText value={field.before} />
                </td>
                <td>
                  <ValueText value={field.after} />
                </td>
              </tr>
            )),
          )}
        </DataTable>
      )}
    </div>
  );
}
