/** The agency a column mapping is saved for or listed of: implementing organisations, by name in the language shown. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { canImplement } from '../../../../src/domain/codes.js';
import { useOrganisations } from '../../api/queries.js';
import type { User } from '../../api/client.js';
import { useFormat } from '../../format.js';

/** The coordination team saves and sees mappings for any agency; an agency officer for its own. */
export const choosesAgency = (user: User | null): boolean => !!user && (user.role === 'admin' || user.role === 'coordinator');

export function AgencySelect({ label, value, onChange }: { label: string; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const collator = new Intl.Collator(f.lang, { sensitivity: 'base' });
  const agencies = (useOrganisations().data?.items ?? [])
    .filter((o) => canImplement(o.kind))
    .sort((a, b) => collator.compare(f.orgName(a), f.orgName(b)));
  return (
    <span className="agency-select">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('importMapping.chooseAgency')}</option>
        {agencies.map((o) => (
          <option key={o.code} value={o.code}>
            {f.orgName(o)}
          </option>
        ))}
      </select>
    </span>
  );
}
