import { Link, NavLink } from 'react-router';
import { NotificationBell } from '../desk/NotificationBell';
import { UserMenu } from '../desk/UserMenu';
import { useI18n } from '../i18n';

const NAV = [
  ['/', 'desk'],
  ['/tickets', 'tickets'],
  ['/profile', 'profile'],
] as const;

export function TopBar() {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <Link className="brand" to="/">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        {t.app.name}
      </Link>
      <nav className="topnav">
        {/* `end`: the desk link is current on `/` only, not on every page below it. */}
        {NAV.map(([to, key]) => (
          <NavLink key={to} to={to} end>
            {t.menu[key]}
          </NavLink>
        ))}
      </nav>
      <div className="topbar-end">
        <NotificationBell />
        <UserMenu />
      </div>
    </header>
  );
}
