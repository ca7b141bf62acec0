import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { session } from '../auth/session';
import { CONSOLES, useMe } from '../features/me/me-query';
import { LanguageSelect } from '../ui/LanguageSelect';
import { pagePath, PAGES } from './page-paths';

/** The frame of every signed-in page: the consoles the user's roles open, the language, sign-out. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roles = new Set(me.data?.roles ?? []);

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
        <nav aria-label={t('nav.consoles')}>
          <ul className="nav-list">
            {CONSOLES.filter((c) => roles.has(c.role)).map((c) => (
              <li key={c.page}>
                <NavLink to={pagePath(c.page)} end={false}>
                  {t(`nav.console.${c.page}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
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
