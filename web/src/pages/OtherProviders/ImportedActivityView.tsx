/**
 * One imported activity as its publisher published it: where it came from, its fields, and the
 * IATI rules it breaks (each kept with it as a warning). Pure: the page gives the data.
 */
import { useTranslation } from 'react-i18next';
import { activityStatuses } from '../../../../src/domain/codes.js';
import type { ImportedActivityData } from '../../../../src/domain/iati/imported-activity.js';
import type { ImportedDetail } from '../../api/other-provider-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { useFormat } from '../../format.js';
import { dayOf, publisherLabel } from './OtherProvidersTabs.js';
import { sectorLabel } from './sector-label.js';

/**
 * The activity as stored (the API types the record loosely: a JSON object); every list is
 * defaulted so that a record of an older shape still shows.
 */
export function recordOf(a: ImportedDetail): ImportedActivityData {
  // The service writes exactly ImportedActivityData (import-iati.ts); the API schema says "object".
  return a.record as unknown as ImportedActivityData;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** "Imported from JICA (JP-8), file jica.xml, line 12, on 3 Dec 2026". */
export function SourceBlock({ a }: { a: ImportedDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p className="card source">
      {t('otherProviders.activity.source', {
        publisher: publisherLabel(a),
        file: a.fileName,
        line: a.line,
        date: f.date(dayOf(a.importedAt)),
      })}
    </p>
  );
}

export function ImportedFields({ a }: { a: ImportedDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, implementing, partners, details } = recordOf(a);
  const title = f.lang === 'id' ? (data.titleId ?? data.titleEn) : (data.titleEn ?? data.titleId);
  const description = f.lang === 'id' ? (data.descriptionId ?? data.descriptionEn) : (data.descriptionEn ?? data.descriptionId);
  const org = (o: { ref: string | null; name: string | null }) => (o.name && o.ref ? `${o.name} (${o.ref})` : (o.name ?? o.ref ?? '—'));
  return (
    <>
      <section className="card">
        <h2>{t('otherProviders.activity.fields')}</h2>
        <dl className="facts">
          <Row label={t('otherProviders.columns.identifier')}>
            <code>{a.identifier}</code>
          </Row>
          <Row label={t('otherProviders.columns.title')}>{title ?? t('otherProviders.untitled')}</Row>
          <Row label={t('otherProviders.activity.reportingOrg')}>{details.reportingOrg ? org(details.reportingOrg) : '—'}</Row>
          <Row label={t('otherProviders.activity.status')}>{f.code(activityStatuses, data.activityStatus)}</Row>
          {(data.plannedStart || data.plannedEnd) && (
            <Row label={t('otherProviders.activity.plannedDates')}>
              {f.date(data.plannedStart)} – {f.date(data.plannedEnd)}
            </Row>
          )}
          {(data.actualStart || data.actualEnd) && (
            <Row label={t('otherProviders.activity.actualDates')}>
              {f.date(data.actualStart)} – {f.date(data.actualEnd)}
            </Row>
          )}
          <Row label={t('otherProviders.activity.recipients')}>
            {data.recipients.length === 0
              ? '—'
              : data.recipients.map((r) => `${f.country(r.country)}${r.percentage !== null ? ` ${r.percentage}%` : ''}`).join(', ')}
          </Row>
          <Row label={t('otherProviders.activity.sectors')}>
            {a.sectors.length === 0 ? (
              '—'
            ) : (
              <ul className="plain">
                {a.sectors.map((s) => (
                  <li key={`${s.vocabulary}|${s.code}`}>
                    {sectorLabel(s.vocabulary, s.code)}
                    {s.percentage !== null && <span className="muted"> {s.percentage}%</span>}
                  </li>
                ))}
              </ul>
            )}
          </Row>
        </dl>
        {description && <p className="description">{description}</p>}
      </section>
      <section className="card">
        <h2>{t('otherProviders.activity.organisations')}</h2>
        {!implementing && partners.length === 0 ? (
          <p className="muted">{t('common.none')}</p>
        ) : (
          <DataTable
            caption={t('otherProviders.activity.organisations')}
            head={
              <>
                <th scope="col">{t('otherProviders.activity.organisation')}</th>
                <th scope="col">{t('otherProviders.activity.role')}</th>
              </>
            }
          >
            {implementing && (
              <tr>
                <td>{org(implementing)}</td>
                <td>{t('program.iatiRoles.4')}</td>
              </tr>
            )}
            {partners.map((p) => (
              <tr key={`${p.org.ref ?? p.org.name ?? ''}-${p.iatiRole}`}>
                <td>{org(p.org)}</td>
                <td>{t(`program.iatiRoles.${p.iatiRole}`)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <ImportedMoney data={data} />
    </>
  );
}

function ImportedMoney({ data }: { data: ImportedActivityData['data'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card">
      <h2>{t('otherProviders.activity.money')}</h2>
      <h3>{t('otherProviders.activity.budgets')}</h3>
      {data.budgets.length === 0 ? (
        <p className="muted">{t('program.noBudgets')}</p>
      ) : (
        <ul className="plain">
          {data.budgets.map((b, i) => (
            <li key={i}>
              {f.date(b.periodStart)} – {f.date(b.periodEnd)}: <strong>{f.money(b.amountMinor / 100, b.currency)}</strong>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('otherProviders.activity.transactions')}</h3>
      {data.transactions.length === 0 ? (
        <p className="muted">{t('program.noTransactions')}</p>
      ) : (
        <ul className="plain">
          {data.transactions.map((x, i) => (
            <li key={i}>
              {f.date(x.date)} · {t(`program.transactionTypes.${x.type}`, { defaultValue: x.type })}:{' '}
              <strong>{f.money(x.amountMinor / 100, x.currency)}</strong>
              {x.description && ` — ${x.description}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The IATI rules the activity breaks: the element, the rule's id in the IATI Standard's ruleset, the reason. */
export function WarningsTable({ warnings }: { warnings: ImportedDetail['warnings'] }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('otherProviders.activity.warnings', { count: warnings.length })}</h2>
      {warnings.length === 0 ? (
        <p className="muted">{t('otherProviders.activity.noWarnings')}</p>
      ) : (
        <DataTable
          caption={t('otherProviders.activity.warningsCaption')}
          head={
            <>
              <th scope="col">{t('otherProviders.warning.field')}</th>
              <th scope="col">{t('otherProviders.warning.rule')}</th>
              <th scope="col">{t('otherProviders.warning.message')}</th>
            </>
          }
        >
          {warnings.map((w, i) => (
            <tr key={i}>
              <td>
                <code>{w.field}</code>
              </td>
              <td>{w.rule ?? '—'}</td>
              <td>{w.message}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
