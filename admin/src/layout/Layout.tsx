import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { LiveInvalidation } from '../shared/LiveInvalidation';
import { LiveProvider } from '../shared/live';
import { AppMenu } from './Menu';

// The layout is rendered only while someone is logged in: the live connection lives and dies with it.
export const Layout = ({ children }: { children: ReactNode }) => (
  <LiveProvider>
    <LiveInvalidation />
    <RaLayout menu={AppMenu} appBarAlwaysOn sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
      {children}
    </RaLayout>
  </LiveProvider>
);
