// The public pages: addresses that need no login and that the API hands out (statusUrl,
// guestUrl) or that a branch's screens open (display, kiosk). Each is one address that never
// navigates. Issue 17: they are a build of their own (console/public.html, on Preact), so the
// API sends that page for these addresses and the agent console's page for every other one.

export const PUBLIC_PAGES = ['display', 'kiosk', 'status', 'join', 'survey'] as const;
export type PublicPageName = (typeof PUBLIC_PAGES)[number];

const PUBLIC_PAGE_PATH = new RegExp(`^/(${PUBLIC_PAGES.join('|')})/([^/]+)/?$`);

/** The public page an address names and its one segment, decoded; undefined for the console's. */
export function publicPageOf(pathname: string): { page: PublicPageName; param: string } | undefined {
  const match = PUBLIC_PAGE_PATH.exec(pathname);
  return match ? { page: match[1] as PublicPageName, param: segment(match[2]!) } : undefined;
}

/** A path segment as a router would give it: decoded, or as sent when it is no valid escape. */
function segment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const isBranchId = (id: string) => /^\d+$/.test(id);

/** The API paths (under /api) of what each page shows: the console fetches them, the API preloads the first. */
export const publicData = {
  branch: (branchId: number) => `/public/branches/${branchId}`,
  display: (branchId: number) => `/public/branches/${branchId}/display`,
  ticket: (token: string) => `/public/tickets/${encodeURIComponent(token)}`,
  /** Issue 20: the satisfaction survey of the ticket the status token names. */
  survey: (token: string) => `/public/tickets/${encodeURIComponent(token)}/survey`,
};

/**
 * The API path of the first data a public page shows, undefined when it has none to ask for
 * (the guest's page; a branch page whose id is no number). Issue 17: the page asks for it while
 * its code loads, and the API names it in the page's answer (a preload), so on a slow line it
 * is on its way before the code is.
 */
export function firstDataOf(page: PublicPageName, param: string): string | undefined {
  switch (page) {
    case 'display':
      return isBranchId(param) ? publicData.display(Number(param)) : undefined;
    case 'kiosk':
      return isBranchId(param) ? publicData.branch(Number(param)) : undefined;
    case 'status':
      return publicData.ticket(param);
    case 'join':
      return undefined;
    case 'survey':
      return publicData.survey(param);
  }
}
