import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { LiveInvalidation } from '../shared/LiveInvalidation';
import { LiveProvider } from '../shared/live';
import { AppBar } from './AppBar';
import { AppMenu } from './Menu';

// The layout is rendered only while someone is logged in: the live connection lives and dies with it.
export const Layout = ({ children }: { children: ReactNode }) => (
  <LiveProvider>
    <PageLanguage />
    <LiveInvalidation />
    <RaLayout
      menu={AppMenu}
      appBar={AppBar}
      appBarAlwaysOn
      sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}
    >
      {children}
    </RaLayout>
  </LiveProvider>
);

/** Issue 17: the page says which language it is in (screen readers pronounce by it). */
function PageLanguage() {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}
