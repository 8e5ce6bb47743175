import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../src/domain/access/actor.js';
import { useOrganisation, useRecordYears } from '../api/queries.js';
import { can, useLogout, useSession } from '../auth/session.js';
import { canRequests } from '../auth/request-rules.js';
import { canAlumni } from '../auth/alumni-rules.js';
import { canOffers } from '../auth/offer-rules.js';
import { canSeeIatiChecks } from '../auth/iati-rules.js';
import { canQuality } from '../auth/quality-rules.js';
import { canPersonalData } from '../auth/personal-data-rules.js';
import { canRounds } from '../auth/round-rules.js';
import { canOtherProviders } from '../auth/other-provider-rules.js';
import { useFormat } from '../format.js';
import { setLanguage, type Lang } from '../i18n/index.js';
import { PageTitleContext, useDocumentTitle } from './usePageTitle.js';

/** The organisation a user acts for, by its acronym or name in the active language (its code until loaded). */
function OrgName({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const org = useOrganisation(code).data;
  const name = org ? (org.acronym ?? (i18n.language === 'id' ? (org.nameId ?? org.nameEn) : org.nameEn)) : code;
  return <span title={org ? (i18n.language === 'id' ? (org.nameId ?? org.nameEn) : org.nameEn) : undefined}>{name}</span>;
}

/** The signed-in user's name, role and organisation, with password change and sign-out. */
function UserMenu() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, portal, loading } = useSession();
  const logout = useLogout();
  if (portal || loading) return null;
  if (!user) {
    // After signing in, back to the page the user was reading.
    const here = location.pathname.startsWith('/login') ? {} : { redirect: location.href };
    return (
      <div className="user">
        <Link to="/login" search={here}>
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="user" role="group" aria-label={t('auth.account')}>
      <span className="who" title={user.name}>
        <strong>{user.name}</strong>
        <span className="muted small">
          {' '}
          {f.code(roles, user.role)}
          {user.orgCode && (
            <>
              {' · '}
              <OrgName code={user.orgCode} />
            </>
          )}
        </span>
      </span>
      <Link to="/account/password" className="wide-only">
        {t('auth.changePassword')}
      </Link>
      <button type="button" className="link" onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/' }) })}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

/**
 * The menu's fold on narrow screens (styles.css, .menu-toggle): the button opens and closes it,
 * Escape closes it and gives the focus back to the button, opening moves the focus to the first
 * link, and following a link (a new page) closes it. On wide screens the menu always shows.
 */
function useMenuFold() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('a, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, toggle: () => setOpen((o) => !o), button, panel };
}

export function Layout() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const lang: Lang = i18n.language === 'id' ? 'id' : 'en';
  // The annual report of the latest year with programs that has begun; the annual plan of this year.
  const { year } = useRecordYears();
  const setPageTitle = useDocumentTitle();
  const menu = useMenuFold();
  return (
    <PageTitleContext.Provider value={setPageTitle}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t('app.name')}
          </Link>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <button
          ref={menu.button}
          type="button"
          className="menu-toggle secondary"
          aria-expanded={menu.open}
          aria-controls="site-menu"
          onClick={menu.toggle}
        >
          <span aria-hidden="true">☰</span> {t('app.menu')}
        </button>
        <div id="site-menu" ref={menu.panel} className={menu.open ? 'site-menu open' : 'site-menu'}>
          <nav aria-label="Mitra">
            <Link to="/" activeOptions={{ exact: true }}>
              {t('app.nav.dashboard')}
            </Link>
            <Link to="/programs" activeOptions={{ exact: true }}>
              {t('app.nav.programs')}
            </Link>
            {can.createProgram(user) && <Link to="/programs/new">{t('app.nav.newProgram')}</Link>}
            {can.import(user) && <Link to="/import">{t('app.nav.import')}</Link>}
            <Link to="/reports/annual/$year" params={{ year: String(year) }} activeOptions={{ includeSearch: false }}>
              {t('app.nav.report')}
            </Link>
            <Link to="/reports/editions/$year" params={{ year: String(year) }}>
              {t('editions.nav')}
            </Link>
            <Link to="/money">{t('money.nav')}</Link>
            {can.internal(user) && (
              <Link to="/plan/$year" params={{ year: String(new Date().getFullYear()) }}>
                {t('app.nav.plan')}
              </Link>
            )}
            <Link to="/analytics">{t('analytics.nav')}</Link>
            <Link to="/priorities">{t('priorities.nav')}</Link>
            <Link to="/offers">{t('offers.nav')}</Link>
            {canOffers.myNominations(user) && <Link to="/nominations">{t('offers.mine.nav')}</Link>}
            {canRequests.see(user) && <Link to="/requests">{t('requests.nav')}</Link>}
            <Link to="/partners" activeOptions={{ includeSearch: false }}>
              {t('partnerships.nav')}
            </Link>
            {canOtherProviders.see(user) && <Link to="/other-providers">{t('otherProviders.nav')}</Link>}
            {canAlumni.see(user) && <Link to="/alumni">{t('alumni.nav')}</Link>}
            {canAlumni.surveyAdmin(user) && <Link to="/surveys">{t('alumni.surveys.nav')}</Link>}
            {can.manageUsers(user) && <Link to="/admin/users">{t('app.nav.users')}</Link>}
            {can.manageUsers(user) && <Link to="/admin/api-tokens">{t('app.nav.apiTokens')}</Link>}
            {can.readAudit(user) && <Link to="/admin/audit">{t('app.nav.audit')}</Link>}
            <Link to="/iati">{t('iati.nav')}</Link>
            {canSeeIatiChecks(user) && <Link to="/iati/checks">{t('iatiChecks.nav')}</Link>}
            {canQuality.see(user) && <Link to="/quality">{t('quality.nav')}</Link>}
            {canRounds.see(user) && <Link to="/rounds">{t('rounds.nav')}</Link>}
            {canPersonalData.see(user) && <Link to="/personal-data">{t('personalData.nav')}</Link>}
            <a href="/api/docs">{t('app.nav.api')}</a>
            {user && (
              // The account's own link sits in the menu on narrow screens, where the header keeps the name and sign-out only.
              <Link to="/account/password" className="narrow-only">
                {t('auth.changePassword')}
              </Link>
            )}
          </nav>
        </div>
        <UserMenu />
        <div className="lang" role="group" aria-label={t('app.language')}>
          {(['id', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={lang === l}
              onClick={() => void setLanguage(l)}
              lang={l}
              // The name holds both the long and the short form, so that either one spoken or read finds it
              // (not in parentheses: the short form shown on phones must be part of the name, WCAG 2.5.3).
              aria-label={l === 'id' ? 'Bahasa Indonesia, ID' : 'English, EN'}
            >
              {/* The short form (ID, EN) on narrow screens. */}
              <span className="long">{l === 'id' ? 'Bahasa Indonesia' : 'English'}</span>
              <span className="short">{l.toUpperCase()}</span>
            </button>
          ))}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="foot">
        <p>{t('app.footer')}</p>
      </footer>
    </PageTitleContext.Provider>
  );
}
