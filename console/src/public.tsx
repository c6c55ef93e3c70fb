// The public pages (display, kiosk, status, video join) need no login and are links the API hands
// out (statusUrl, guestUrl): keep their addresses as they are. Issue 17: each is one address that
// never navigates, so they stand without the router (a seventh of their first download): main.tsx
// renders the page the address names, loading only that page's code.
import { lazy, type ComponentType, type ReactElement } from 'react';

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

const PAGES: [RegExp, (param: string) => ReactElement][] = [
  [/^\/display\/([^/]+)\/?$/, (id) => <DisplayRoute branchId={id} />],
  [/^\/kiosk\/([^/]+)\/?$/, (id) => <KioskRoute branchId={id} />],
  [/^\/status\/([^/]+)\/?$/, (token) => <StatusRoute token={token} />],
  [/^\/join\/([^/]+)\/?$/, (token) => <JoinRoute token={token} />],
];

/** The public page at `pathname`, or undefined when the address belongs to the agent console. */
export function publicPage(pathname: string): ReactElement | undefined {
  for (const [pattern, page] of PAGES) {
    const match = pattern.exec(pathname);
    if (match) return page(segment(match[1]!));
  }
  return undefined;
}
