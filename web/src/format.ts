/** Numbers, shares, dates and money formatted for the active language (Intl). */
import { useTranslation } from 'react-i18next';
import { countryName } from '../../src/domain/reference/countries.js';
import type { CodeSet } from '../../src/domain/code-set.js';

const locale = (lang: string) => (lang === 'id' ? 'id-ID' : 'en-GB');

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'id' ? 'id' : 'en';
  const loc = locale(lang);
  const integer = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(loc, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(loc, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    lang,
    number: (n: number) => integer.format(n),
    /** A decimal string from the API ("1250000.50") with its currency. */
    money: (amount: string | number, currency?: string) => `${currency ? `${currency} ` : ''}${decimal.format(Number(amount))}`,
    percent: (fraction: number) => percent.format(fraction),
    date: (day: string | null | undefined) => (day ? dateFormat.format(new Date(`${day}T00:00:00Z`)) : '—'),
    country: (iso2: string) => countryName(iso2, lang),
    code: <C extends string>(set: CodeSet<C>, code: string | null | undefined) =>
      code && set.is(code) ? set.label(code, lang) : code ? code : '—',
    /** A record's name in the active language (countries, regions, lists, survey waves). */
    name: <N>(a: { nameEn: N; nameId: N }) => (lang === 'id' ? a.nameId : a.nameEn),
    /** An organisation's name in the active language, the English one when it has no Indonesian name. */
    orgName: (o: { nameEn: string; nameId: string | null }) => (lang === 'id' ? (o.nameId ?? o.nameEn) : o.nameEn),
    /** A code's or node's label in the active language (regions, modalities, areas, survey scales, flows). */
    label: (a: { labelEn: string; labelId: string }) => (lang === 'id' ? a.labelId : a.labelEn),
    title: (a: { titleEn: string | null; titleId: string | null }) =>
      (lang === 'id' ? (a.titleId ?? a.titleEn) : (a.titleEn ?? a.titleId)) ?? '—',
    /** A free text as entered, or in Indonesian its Indonesian variant when it has one (a request's topic, a follow-up's action). */
    text: <T extends string | null>(text: T, indonesian: string | null | undefined): T | string =>
      lang === 'id' && indonesian ? indonesian : text,
  };
}
