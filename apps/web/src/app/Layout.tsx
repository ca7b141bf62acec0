import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { session } from '../auth/session';
import { useUnreadCount } from '../features/account/account-queries';
import { CONSOLES, useMe } from '../features/me/me-query';
import { formatNumber } from '../lib/format';
import { LanguageSelect } from '../ui/LanguageSelect';
import './Layout.css';
import { pagePath, PAGES } from './page-paths';

/**
 * The frame of every signed-in page: the consoles the user's roles open (one click switches
 * between them), the notices with the number unread, the settings, the language, sign-out.
 * It wraps on narrow screens rather than overflowing.
 */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roles = new Set(me.data?.roles ?? []);
  const consoles = CONSOLES.filter((c) => roles.has(c.role));

  const signOut = async () => {
    await session.signOut();
    queryClient.clear();
    await navigate(PAGES.signIn, { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <NavLink to={PAGES.home} className="brand">
          jointcall
        </NavLink>
        {consoles.length > 0 && (
          <nav aria-label={t('nav.consoles')}>
            <ul className="nav-list">
              {consoles.map((c) => (
                <li key={c.page}>
                  <NavLink to={pagePath(c.page)} end={false}>
                    {t(`nav.console.${c.page}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <nav aria-label={t('account.header.yourAccount')}>
            <ul className="nav-list">
              <li>
                <NoticesLink />
              </li>
              <li>
                <NavLink to={PAGES.settings}>{t('account.header.settings')}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSelect />
          {me.data && <span className="who">{me.data.name}</span>}
          <button type="button" className="button-secondary" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </>
  );
}

/** "Notices (3)": the number of unread notices, asked for again every minute and after marking read. */
function NoticesLink() {
  const { t, i18n } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <NavLink
      to={PAGES.notices}
      aria-label={unread > 0 ? t('account.header.noticesUnread', { n: formatNumber(unread, i18n.language) }) : undefined}
    >
      {t('account.header.notices')}
      {unread > 0 && <span className="unread-count"> ({formatNumber(unread, i18n.language)})</span>}
    </NavLink>
  );
}
