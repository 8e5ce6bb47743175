/**
 * One country chosen by typing (English or Indonesian, see CountryPicker): once chosen it shows as
 * a chip that clears it, in a form's field or in a list's filters.
 */
import { useFormat } from '../format.js';
import { CountryPicker } from './CountryPicker.js';

export function CountryChoice({
  id,
  chipId,
  label,
  value,
  chipLabel,
  onChange,
}: {
  /** The picker's input (a field's label points at it). */
  id?: string;
  /** The chip's own id, when the field's label should point at the chip too. */
  chipId?: string;
  /** The picker's accessible name. */
  label: string;
  /** The chosen ISO code, or '' for none. */
  value: string;
  /** The chip's accessible name: "Kenya ×" unless given; null leaves it to the chip's text and field label. */
  chipLabel?: string | null;
  /** The chosen code, or '' when the chip clears it. */
  onChange: (iso2: string) => void;
}) {
  const f = useFormat();
  if (!value) return <CountryPicker id={id} label={label} onPick={onChange} />;
  const name = chipLabel === undefined ? `${f.country(value)} ×` : (chipLabel ?? undefined);
  return (
    <button type="button" className="chip" id={chipId} onClick={() => onChange('')} aria-label={name}>
      {f.country(value)} ×
    </button>
  );
}

/** A list's country filter: its name, then the choice (undefined when cleared, for the URL). */
export function CountryFilter({
  label,
  value,
  chipLabel,
  onChange,
}: {
  label: string;
  value: string | undefined;
  chipLabel?: string;
  onChange: (iso2: string | undefined) => void;
}) {
  return (
    <div className="field-like">
      <span>{label}</span>
      <CountryChoice label={label} value={value ?? ''} chipLabel={chipLabel} onChange={(c) => onChange(c || undefined)} />
    </div>
  );
}
