/**
 * Picks countries by typing in English or Indonesian (or a code): the suggestions search both
 * languages and the resolver's aliases ("Papua Nugini", "Timor Leste").
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCountries } from '../../../src/domain/reference/countries.js';
import { normalizeName } from '../../../src/domain/text.js';
import { useFormat } from '../format.js';

const INDEX = listCountries()
  .filter((c) => c.region !== null)
  .map((c) => ({ iso2: c.iso2, keys: [c.iso2, c.iso3, c.nameEn, c.nameId, ...c.aliases].map(normalizeName) }));

export function searchCountries(text: string, limit = 8): string[] {
  const needle = normalizeName(text);
  if (!needle) return [];
  const starts = INDEX.filter((c) => c.keys.some((k) => k.startsWith(needle)));
  const contains = INDEX.filter((c) => !starts.includes(c) && c.keys.some((k) => k.includes(needle)));
  return [...starts, ...contains].slice(0, limit).map((c) => c.iso2);
}

export function CountryPicker({
  id,
  label,
  exclude = [],
  onPick,
}: {
  id?: string;
  label: string;
  exclude?: readonly string[];
  onPick: (iso2: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const options = useMemo(() => searchCountries(text).filter((c) => !exclude.includes(c)), [text, exclude]);
  const pick = (iso2: string | undefined) => {
    if (!iso2) return;
    onPick(iso2);
    setText('');
    setActive(0);
  };
  return (
    <div className="picker">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${listId}-${options[active]}` : undefined}
        placeholder={t('form.countrySearch')}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') setText('');
        }}
      />
      {options.length > 0 && (
        <ul id={listId} role="listbox" className="options">
          {options.map((iso2, i) => (
            <li
              key={iso2}
              id={`${listId}-${iso2}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(iso2);
              }}
            >
              {f.country(iso2)} <span className="muted">({iso2})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
