/**
 * Languages: Indonesian and English. The choice is remembered in the browser; the first visit
 * follows the browser's language. Code labels (modalities, areas, …) and country names come
 * from the domain's bilingual tables, not from these catalogues.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { id } from './id.js';

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

export async function initI18n(lang: Lang = initialLanguage()) {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, id: { translation: id } },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

export function setLanguage(lang: Lang): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered when storage is disabled; the switch still works for this visit.
  }
}

export const currentLang = (): Lang => (i18next.language === 'id' ? 'id' : 'en');
