/**
 * The document's title (WCAG 2.4.2): "<page> · Mitra" in the active language. Each route names
 * its page with `staticData: { title }` (a key of app.titles, given the route's parameters); a
 * page showing one record may name it more precisely with `usePageTitle`. The layout alone writes
 * `document.title`, again on every navigation and language switch.
 */
import { useLocation, useMatch, useMatches } from '@tanstack/react-router';
import { createContext, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { app } from '../i18n/en/common.js';

export type PageTitleKey = keyof typeof app.titles;

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page's name in the document title (app.titles). */
    title?: PageTitleKey;
  }
}

/** A page's own title, for the path it was given on (so that it ends with a navigation). */
interface PageDetail {
  readonly path: string;
  readonly text: string;
}

export const PageTitleContext = createContext<(detail: PageDetail) => void>(() => undefined);

/** Names the page by its record (a program's identifier and title), instead of its route's title. */
export function usePageTitle(text: string | undefined): void {
  const setDetail = useContext(PageTitleContext);
  // The page's own route's path, not the location's: a page still shown while the next one loads
  // must not give its title to the next path.
  const path = useMatch({ strict: false, select: (m) => m.pathname });
  useEffect(() => {
    if (text) setDetail({ path, text });
  }, [setDetail, path, text]);
}

/** The page's name from its route (app.titles), in the active language: a heading for pages shown without their content. */
export function useRouteTitle(): string | undefined {
  const { t } = useTranslation();
  const matches = useMatches();
  const named = matches.findLast((m) => m.staticData.title);
  const key = named?.staticData.title;
  return key ? t(`app.titles.${key}`, named.params) : undefined;
}

/** The layout's part: sets `document.title`; returns the setter pages reach with usePageTitle. */
export function useDocumentTitle(): (detail: PageDetail) => void {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<PageDetail>();
  const path = useLocation({ select: (l) => l.pathname });
  const routeTitle = useRouteTitle();
  const page = detail?.path === path ? detail.text : routeTitle;
  const title = page ? t('app.title', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return setDetail;
}
