import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Lang } from '../i18n/index.js';

export function Layout() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'id' ? 'id' : 'en') as Lang;
  const year = new Date().getFullYear() - 1;
  return (
    <>
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
        <nav aria-label="Mitra">
          <Link to="/" activeOptions={{ exact: true }}>
            {t('app.nav.dashboard')}
          </Link>
          <Link to="/programs" activeOptions={{ exact: true }}>
            {t('app.nav.programs')}
          </Link>
          <Link to="/programs/new">{t('app.nav.newProgram')}</Link>
          <Link to="/import">{t('app.nav.import')}</Link>
          <Link to="/reports/annual/$year" params={{ year: String(year) }} activeOptions={{ includeSearch: false }}>
            {t('app.nav.report')}
          </Link>
          <a href="/api/docs">{t('app.nav.api')}</a>
        </nav>
        <div className="lang" role="group" aria-label={t('app.language')}>
          {(['id', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLanguage(l)} lang={l}>
              {l === 'id' ? 'Bahasa Indonesia' : 'English'}
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
    </>
  );
}
