/** Previous / next through the pages of a list; `onPage` gets the page to show (1 first). */
import { useTranslation } from 'react-i18next';

export function PageNav({
  page,
  pages,
  last = pages,
  label,
  buttonClassName,
  onPage,
}: {
  page: number;
  pages: number;
  /** The last page one may reach, when the list goes deeper than that (the programs list). */
  last?: number;
  /** The navigation's accessible name; "Page 2 of 5" unless given. */
  label?: string;
  /** The class of both buttons (the money page's are "secondary"). */
  buttonClassName?: string;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label ?? t('common.pageOf', { page, pages })}>
      <button type="button" className={buttonClassName} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" className={buttonClassName} disabled={page >= last} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
