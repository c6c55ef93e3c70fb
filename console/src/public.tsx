// The public pages (display, kiosk, status, video join) need no login and are links the API hands
// out (statusUrl, guestUrl): keep their addresses as they are. Issue 17: each is one address that
// never navigates, so they stand without the router (a seventh of their first download): main.tsx
// renders the page the address names, loading only that page's code.
import { lazy, type ComponentType, type ReactElement } from 'react';
import { displayQuery, publicBranchQuery, publicStatusQuery, queryClient } from './api/queries';

const onDemand = <P,>(load: () => Promise<{ default: ComponentType<P> }>) => lazy(load);

const DisplayRoute = onDemand(async () => ({ default: (await import('./display/DisplayScreen')).DisplayRoute }));
const KioskRoute = onDemand(async () => ({ default: (await import('./kiosk/KioskScreen')).KioskRoute }));
const StatusRoute = onDemand(async () => ({ default: (await import('./status/StatusScreen')).StatusRoute }));
const JoinRoute = onDemand(async () => ({ default: (await import('./join')).JoinRoute }));

/** A path segment as the router would give it: decoded, or as sent when it is no valid escape. */
const segment = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

// Each page asks for its first data while its code is still on the way: one round trip fewer on
// a slow line. A refusal lands in the query, where the page words it as before.
const isBranchId = (id: string) => /^\d+$/.test(id);

interface Page {
  pattern: RegExp;
  render(param: string): ReactElement;
  data?(param: string): void;
}
const PAGES: Page[] = [
  {
    pattern: /^\/display\/([^/]+)\/?$/,
    render: (id) => <DisplayRoute branchId={id} />,
    data: (id) => isBranchId(id) && void queryClient.prefetchQuery(displayQuery(Number(id))),
  },
  {
    pattern: /^\/kiosk\/([^/]+)\/?$/,
    render: (id) => <KioskRoute branchId={id} />,
    data: (id) => isBranchId(id) && void queryClient.prefetchQuery(publicBranchQuery(Number(id))),
  },
  {
    pattern: /^\/status\/([^/]+)\/?$/,
    render: (token) => <StatusRoute token={token} />,
    data: (token) => void queryClient.prefetchQuery(publicStatusQuery(token)),
  },
  { pattern: /^\/join\/([^/]+)\/?$/, render: (token) => <JoinRoute token={token} /> },
];

/**
 * The public page at `pathname`, its first data already asked for; undefined when the address
 * belongs to the agent console.
 */
export function openPublicPage(pathname: string): ReactElement | undefined {
  for (const page of PAGES) {
    const match = page.pattern.exec(pathname);
    if (!match) continue;
    const param = segment(match[1]!);
    page.data?.(param);
    return page.render(param);
  }
  return undefined;
}
