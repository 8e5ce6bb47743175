/** The "other year" picker of the yearly pages (annual plan, annual report), and the years it offers. */

/** The years with data plus `more` (the page's own year, …), each once, latest first. */
export function yearChoices(known: readonly { year: number }[] | undefined, ...more: number[]): number[] {
  return [...new Set([...(known?.map((y) => y.year) ?? []), ...more])].sort((a, b) => b - a);
}

/** A labelled select of `choices`; `onYear` gets the chosen year as written in the select. */
export function YearSelect({
  id,
  label,
  year,
  choices,
  onYear,
}: {
  id: string;
  label: string;
  year: number;
  choices: readonly number[];
  onYear: (year: string) => void;
}) {
  return (
    <>
      <label className="inline" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={year} onChange={(e) => onYear(e.target.value)}>
        {choices.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </>
  );
}
