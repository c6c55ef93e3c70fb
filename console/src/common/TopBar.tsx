import { NotificationBell } from '../desk/NotificationBell';
import { UserMenu } from '../desk/UserMenu';
import { useI18n } from '../i18n';
import { navigate } from '../router';

const NAV = [['/', 'desk'], ['/tickets', 'tickets'], ['/profile', 'profile']] as const;

export function TopBar({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <a className="brand" href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
        <span className="brand-mark" aria-hidden="true">V</span>{t.app.name}
      </a>
      <nav className="topnav">
        {NAV.map(([to, key]) => (
          <a key={to} href={to} aria-current={path === to ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate(to); }}>{t.menu[key]}</a>
        ))}
      </nav>
      <div className="topbar-end">
        <NotificationBell />
        <UserMenu />
      </div>
    </header>
  );
}
