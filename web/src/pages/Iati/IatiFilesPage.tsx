/**
 * The public page of the published IATI data (/iati): each dataset with its file, activity
 * count, size and last change, linked to the file the IATI Registry points to. No sign-in.
 */
import { useTranslation } from 'react-i18next';
import { useIatiManifest, type IatiManifest } from '../../api/iati-queries.js';
import { ApiError } from '../../api/client.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

type Dataset = IatiManifest['datasets'][number];

/** What a dataset holds, from its name's suffix: all activities, a year (and part), the organisation. */
export function describeDataset(d: Pick<Dataset, 'name' | 'kind'>): {
  key: 'all' | 'year' | 'yearPart' | 'organisation' | 'other';
  year?: string;
  part?: string;
} {
  if (d.kind === 'organisation') return { key: 'organisation' };
  const m = /-(\d{4})(?:-(\d+))?$/.exec(d.name);
  if (m) return m[2] ? { key: 'yearPart', year: m[1], part: m[2] } : { key: 'year', year: m[1] };
  return d.name.endsWith('-activities') ? { key: 'all' } : { key: 'other' };
}

export function IatiFilesPage() {
  const { t } = useTranslation();
  const query = useIatiManifest();
  return (
    <article>
      <h1>{t('iati.title')}</h1>
      <p>{t('iati.intro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.error instanceof ApiError && query.error.status === 404 ? (
        <p className="muted">{t('iati.none')}</p>
      ) : query.error || !query.data ? (
        <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DatasetTable manifest={query.data} />
      )}
    </article>
  );
}

export function DatasetTable({ manifest }: { manifest: IatiManifest }) {
  const { t } = useTranslation();
  const f = useFormat();
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? t('iati.mb', { n: (bytes / 1024 / 1024).toFixed(1) }) : t('iati.kb', { n: f.number(Math.ceil(bytes / 1024)) });
  return (
    <>
      <p>
        {t('iati.publisher', { name: f.orgName(manifest.publisher), ref: manifest.publisher.ref })}{' '}
        <a href="/iati/manifest.json">{t('iati.manifest')}</a>
      </p>
      <table>
        <caption>{t('iati.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('iati.dataset')}</th>
            <th scope="col">{t('iati.holds')}</th>
            <th scope="col" className="num">
              {t('iati.activities')}
            </th>
            <th scope="col" className="num">
              {t('iati.size')}
            </th>
            <th scope="col">{t('iati.lastUpdated')}</th>
          </tr>
        </thead>
        <tbody>
          {manifest.datasets.map((d) => {
            const what = describeDataset(d);
            return (
              <tr key={d.name}>
                <th scope="row">
                  <a href={`/iati/${d.fileName}`} download>
                    {d.fileName}
                  </a>
                </th>
                <td>{t(`iati.kinds.${what.key}`, { year: what.year, part: what.part })}</td>
                <td className="num">{d.activityCount === null ? '—' : f.number(d.activityCount)}</td>
                <td className="num">{size(d.bytes)}</td>
                <td>{f.date(d.lastUpdated.slice(0, 10))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
