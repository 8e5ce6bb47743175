/** A list filter over a code set: "All", then every code with its label in the current language. */
import { useTranslation } from 'react-i18next';
import type { CodeSet } from '../../../src/domain/code-set.js';
import { useFormat } from '../format.js';

export function CodeFilter<C extends string>({
  id,
  label,
  codes,
  value,
  onChange,
}: {
  id: string;
  label: string;
  codes: CodeSet<C>;
  value: string | undefined;
  onChange: (value: C | undefined) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="field-like">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(codes.is(e.target.value) ? e.target.value : undefined)}>
        <option value="">{t('common.all')}</option>
        {codes.codes.map((c) => (
          <option key={c} value={c}>
            {f.code(codes, c)}
          </option>
        ))}
      </select>
    </div>
  );
}
