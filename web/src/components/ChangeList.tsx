/**
 * The fields an audit entry changed, each as "before → after" (used by a program's history and
 * by the edit form's conflict panel). Long values are cut; the whole value is in the title.
 */
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../src/domain/codes.js';
import { useFormat } from '../format.js';

export type FieldChanges = Readonly<Record<string, { readonly before: unknown; readonly after: unknown }>>;

const MAX_LENGTH = 80;

/** Field names whose label key is not simply `program.<field>`. */
const LABEL_KEYS: Readonly<Record<string, string>> = {
  lifecycleStage: 'program.stage',
  activityStatus: 'program.status',
  cooperationType: 'program.type',
  flagshipArea: 'program.area',
  implementingOrg: 'program.implementer',
  fundingSource: 'program.funding',
};

/** A stored value as short text: empty is a dash, lists and records are JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function truncate(text: string, max = MAX_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Date and time of an instant, in the active language and the browser's time zone. */
export function useInstant() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

function Value({ field, value }: { field: string; value: unknown }) {
  const f = useFormat();
  const full = field === 'lifecycleStage' && typeof value === 'string' ? f.code(lifecycleStages, value) : valueText(value);
  const short = truncate(full);
  return <span title={short === full ? undefined : full}>{short}</span>;
}

/** `programFields`: label the fields as a program's (false for other records: their own names). */
export function ChangeList({ changes, programFields = true }: { changes: FieldChanges; programFields?: boolean }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  const label = (field: string) => {
    if (!programFields) return field;
    const key = LABEL_KEYS[field] ?? `program.${field}`;
    return i18n.exists(key) ? t(key) : field;
  };
  return (
    <dl className="changes">
      {entries.map(([field, { before, after }]) => (
        <div key={field} className="change">
          <dt>{label(field)}</dt>
          <dd>
            <del>
              <Value field={field} value={before} />
            </del>
            <span aria-hidden="true"> → </span>
            <span className="sr-only"> {t('history.changedTo')} </span>
            <ins>
              <Value field={field} value={after} />
            </ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
