/**
 * Languages: Indonesian and English. The choice is remembered in the browser; the first visit
 * follows the browser's language. Code labels (modalities, areas, …) and country names come
 * from the domain's bilingual tables, not from these catalogues.
 *
 * Only the language shown is loaded (about 18 kB over the wire each); the other one comes when
 * the user switches. Both have the same keys (catalogues.test.ts), so none falls back to another.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Lang = 'en' | 'id';
const STORAGE_KEY = 'mitra.lang';

export function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'id') return stored;
  } catch {
    // Storage may be disabled: fall back to the browser's language.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.some((l) => l.toLowerCase().startsWith('id') || l.toLowerCase().startsWith('ms')) ? 'id' : 'en';
}

const catalogues: Record<Lang, () => Promise<Record<string, unknown>>> = {
  en: () => import('./en/index.js').then((m) => m.en),
  id: () => import('./id/index.js').then((m) => m.id),
};

async function loadCatalogue(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', await catalogues[lang]());
}

export async function initI18n(lang: Lang = initialLanguage()) {
  await i18next.use(initReactI18next).init({
    resources: { [lang]: { translation: await catalogues[lang]() } },
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

/**
 * Switches the language, loading its catalogue first when it is not there yet. The choice is
 * remembered at once, before the catalogue arrives: a page opened meanwhile (a link followed
 * right after the click, on a slow connection) comes up in the chosen language, not the old one.
 */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered when storage is disabled; the switch still works for this visit.
  }
  await loadCatalogue(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export const currentLang = (): Lang => (i18next.language === 'id' ? 'id' : 'en');
