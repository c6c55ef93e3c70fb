// A1, F1–F2: the user menu. Logging out first ends the shift (desk Offline and free); the
// server refuses while a customer is being called or attended (BusyCannotLogOut names the
// ticket), and the agent reads why in their language.
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { useSession, useUser } from '../auth/session';
import { LangSwitch } from '../common/LangSwitch';
import { Notice } from '../common/Notice';
import { CONTENT_ID } from '../common/SkipLink';
import { useDismiss } from '../common/useDismiss';
import { useI18n } from '../i18n';
import { useShift } from './shift';

export function UserMenu() {
  const { t } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const { shift } = useShift();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useDismiss(
    anchor,
    open,
    useCallback(() => setOpen(false), []),
  );
  const navigate = useNavigate();
  const logout = useApiMutation(
    async () => {
      if (shift) await api.post('/shifts/current/end');
      await signOut();
    },
    { onSuccess: () => void navigate('/') },
  );
  const go = (to: string) => {
    setOpen(false);
    // The menu (and the focused item) goes away: the keyboard starts over at the new page.
    void Promise.resolve(navigate(to)).then(() => document.getElementById(CONTENT_ID)?.focus());
  };
  return (
    <div className="popover-anchor" ref={anchor}>
      <button
        type="button"
        className="user-btn"
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen(!open)}
        data-testid="user-menu"
      >
        <span className="avatar" aria-hidden="true">
          {user.firstName.charAt(0)}
          {user.lastName.charAt(0)}
        </span>
        <span className="user-name">
          {user.firstName} {user.lastName}
        </span>
      </button>
      {open && (
        <div className="popover menu" role="menu">
          <button type="button" role="menuitem" onClick={() => go('/profile')}>
            {t.menu.profile}
          </button>
          <button type="button" role="menuitem" onClick={() => go('/tickets')}>
            {t.menu.tickets}
          </button>
          <div className="menu-row">
            <LangSwitch />
          </div>
          <button
            type="button"
            role="menuitem"
            className="danger"
            disabled={logout.isPending}
            onClick={() => {
              setOpen(false);
              logout.mutate();
            }}
          >
            {t.menu.logout}
          </button>
        </div>
      )}
      {logout.message && (
        <div className="popover logout-refused" data-testid="logout-refused">
          <Notice kind="error" text={logout.message} />
          <button type="button" className="btn btn-sm" onClick={() => logout.reset()}>
            {t.app.close}
          </button>
        </div>
      )}
    </div>
  );
}
