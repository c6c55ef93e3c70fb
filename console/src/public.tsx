// The public pages (display, kiosk, status, video join) need no login and are links the API hands
// out (statusUrl, guestUrl): keep their addresses as they are. Issue 17: each is one address that
// never navigates, so they stand without the router, in a build of their own on Preact
// (public-main.tsx, vite.public.config.ts): this file renders the page the address names.
// The display, the kiosk, the status page and the survey come with the first download (a few KB
// more for each than its own, one round trip fewer before it shows on a slow line: the survey, a
// lazy chunk of 1.4 KB, missed its 1.5 s budget by those round trips); the guest's video page,
// mediasoup and all, loads when its address is opened.
import { publicPageOf, type PublicPageName } from '@domain/public-pages';
import { lazy, type ReactElement } from 'react';
import { displayQuery, publicBranchQuery, publicStatusQuery, publicSurveyQuery, queryClient } from './api/queries';
import { DisplayRoute } from './display/DisplayScreen';
import { KioskRoute } from './kiosk/KioskScreen';
import { StatusRoute } from './status/StatusScreen';
import { SurveyRoute } from './survey/SurveyScreen';

const loadJoin = () => import('./join');
const JoinRoute = lazy(async () => ({ default: (await loadJoin()).JoinRoute }));

// Each page asks for its first data at once, while the rest of its code may still be on the way
// (the API named it in the page's answer, a preload: domain firstDataOf). A refusal lands in the
// query, where the page words it as before.
const isBranchId = (id: string) => /^\d+$/.test(id);

interface Page {
  render(param: string): ReactElement;
  /** Asks for the page's first data; settles once it is in the cache (or refused). */
  data?(param: string): Promise<void> | false;
  /** Code that is not in the first download, asked for before the first render reaches it. */
  code?(): Promise<unknown>;
}
const PAGES: Record<PublicPageName, Page> = {
  display: {
    render: (id) => <DisplayRoute branchId={id} />,
    data: (id) => isBranchId(id) && queryClient.prefetchQuery(displayQuery(Number(id))),
  },
  kiosk: {
    render: (id) => <KioskRoute branchId={id} />,
    data: (id) => isBranchId(id) && queryClient.prefetchQuery(publicBranchQuery(Number(id))),
  },
  status: {
    render: (token) => <StatusRoute token={token} />,
    data: (token) => queryClient.prefetchQuery(publicStatusQuery(token)),
  },
  join: { code: loadJoin, render: (token) => <JoinRoute token={token} /> },
  // Issue 20: opened from a message or the status page's QR once the visit is over.
  survey: {
    render: (token) => <SurveyRoute token={token} />,
    data: (token) => queryClient.prefetchQuery(publicSurveyQuery(token)),
  },
};

/**
 * The public page at `pathname`, its first data already asked for (`dataReady` settles when it is
 * in); undefined when the address names none (the API sends the console's page there).
 */
export function openPublicPage(pathname: string): { element: ReactElement; dataReady: Promise<unknown> } | undefined {
  const address = publicPageOf(pathname);
  if (!address) return undefined;
  const page = PAGES[address.page];
  const dataReady = page.data?.(address.param) || Promise.resolve();
  // Asked for now, not when the first render reaches the lazy component: on a slow phone that
  // render comes ~0.1 s later, and the page waited for it (issue 17, bench-screens).
  page.code?.().catch((err: unknown) => console.warn('the page code did not load; rendering asks again', err));
  return { element: page.render(address.param), dataReady };
}
