// react-admin's app bar, with a user menu whose accessible name is the name it shows (WCAG
// 2.5.3: react-admin labels it "Perfil" while the button reads the person's name).
import { AppBar as RaAppBar, UserMenu, useGetIdentity } from 'react-admin';

function AppUserMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName} />;
}

export const AppBar = () => <RaAppBar userMenu={<AppUserMenu />} />;
