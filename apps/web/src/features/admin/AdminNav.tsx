import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { pagePath } from '../../app/page-paths';

/** Between the administrator's two pages; the current one is marked for screen readers. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.nav.label')} className="admin-nav">
      <ul className="nav-list">
        <li>
          <NavLink to={pagePath('admin')} end>
            {t('admin.nav.organisations')}
          </NavLink>
        </li>
        <li>
          <NavLink to={pagePath('adminUsers')} end>
            {t('admin.nav.users')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
