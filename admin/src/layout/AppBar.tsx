// react-admin's app bar, with a user menu whose accessible name is the name it shows (WCAG
// 2.5.3: react-admin labels it "Perfil" while the button reads the person's name), and the
// alerts' bell (issue 19) beside react-admin's own language menu and loading indicator.
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, UserMenu, useGetIdentity } from 'react-admin';
import { AlertBell } from './AlertBell';

function AppUserMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName} />;
}

const toolbar = (
  <>
    <AlertBell />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

export const AppBar = () => <RaAppBar userMenu={<AppUserMenu />} toolbar={toolbar} />;
