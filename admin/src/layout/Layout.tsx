import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppMenu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout menu={AppMenu} appBarAlwaysOn sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>{children}</RaLayout>;
