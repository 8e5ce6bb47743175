/**
 * A code chosen from its code set, each shown by its label in the active language; only the
 * set's codes come out of it (`value` is what is shown, as a form holds it). OptionalCodeSelect
 * has a first option for none ('').
 */
import type { CodeSet } from '../../../src/domain/code-set.js';
import { useFormat } from '../format.js';

interface SelectProps<C extends string> {
  codes: CodeSet<C>;
  id?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

function Options<C extends string>({ codes }: { codes: CodeSet<C> }) {
  const f = useFormat();
  return (
    <>
      {codes.codes.map((c) => (
        <option key={c} value={c}>
          {f.code(codes, c)}
        </option>
      ))}
    </>
  );
}

export function CodeSelect<C extends string>({
  codes,
  value,
  onChange,
  ...rest
}: SelectProps<C> & { value: string; onChange: (code: C) => void }) {
  return (
    <select {...rest} value={value} onChange={(e) => codes.is(e.target.value) && onChange(e.target.value)}>
      <Options codes={codes} />
    </select>
  );
}

/** `emptyLabel`: the first option's text, for none (''). */
export function OptionalCodeSelect<C extends string>({
  codes,
  value,
  emptyLabel,
  onChange,
  ...rest
}: SelectProps<C> & { value: string; emptyLabel: string; onChange: (code: C | '') => void }) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(codes.is(e.target.value) ? e.target.value : '')}>
      <option value="">{emptyLabel}</option>
      <Options codes={codes} />
    </select>
  );
}
