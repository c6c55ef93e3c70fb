// The public pages (display, kiosk, status, video join) need no login and are links the API hands
// out (statusUrl, guestUrl): keep their addresses as they are. Issue 17: each is one address that
// never navigates, so they stand without the router (a seventh of their first download): main.tsx
// renders the page the address names, loading only that page's code.
import { lazy, type ComponentType, type ReactElement } from 'react';
import { displayQuery, publicBranchQuery, publicStatusQuery, queryClient } from './api/queries';

type Load<P> = () => Promise<{ default: ComponentType<P> }>;

const loadDisplay: Load<{ branchId: string }> = async () => ({
  default: (await import('./display/DisplayScreen')).DisplayRoute,
});
const loadKiosk: Load<{ branchId: string }> = async () => ({
  default: (await import('./kiosk/KioskScreen')).KioskRoute,
});
const loadStatus: Load<{ token: string }> = async () => ({
  default: (await import('./status/StatusScreen')).StatusRoute,
});
const loadJoin: Load<{ token: string }> = async () => ({ default: (await import('./join')).JoinRoute });
const DisplayRoute = lazy(loadDisplay);
const KioskRoute = lazy(loadKiosk);
const StatusRoute = lazy(loadStatus);
const JoinRoute = lazy(loadJoin);

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
  /** The page's code (the same import its lazy component makes: the browser fetches it once). */
  code(): Promise<unknown>;
  render(param: string): ReactElement;
  data?(param: string): void;
}
const PAGES: Page[] = [
  {
    pattern: /^\/display\/([^/]+)\/?$/,
    code: loadDisplay,
    render: (id) => <DisplayRoute branchId={id} />,
    data: (id) => isBranchId(id) && void queryClient.prefetchQuery(displayQuery(Number(id))),
  },
  {
    pattern: /^\/kiosk\/([^/]+)\/?$/,
    code: loadKiosk,
    render: (id) => <KioskRoute branchId={id} />,
    data: (id) => isBranchId(id) && void queryClient.prefetchQuery(publicBranchQuery(Number(id))),
  },
  {
    pattern: /^\/status\/([^/]+)\/?$/,
    code: loadStatus,
    render: (token) => <StatusRoute token={token} />,
    data: (token) => void queryClient.prefetchQuery(publicStatusQuery(token)),
  },
  { pattern: /^\/join\/([^/]+)\/?$/, code: loadJoin, render: (token) => <JoinRoute token={token} /> },
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
    // The code is asked for now, not when React's first render reaches the lazy component: on a
    // slow phone that render comes ~0.1 s later, and the page waited for it (issue 17, bench-screens).
    page.code().catch((err: unknown) => console.warn('the page code did not load; rendering asks again', err));
    return page.render(param);
  }
  return undefined;
}
