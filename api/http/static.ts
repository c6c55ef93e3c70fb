// Issue 17: how the built UIs are sent. Vite names every file under assets/ after its content, so
// a browser may keep one for a year without asking again; index.html names the current ones, so
// it is revalidated every time (a deploy shows at the next load). Text files were compressed at
// build (scripts/vite-precompress.ts): the request gets the brotli or gzip copy it accepts.
import express, { type Request, type RequestHandler, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { firstDataOf, publicPageOf } from '../../domain/public-pages.js';

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';
const ALWAYS_REVALIDATE = 'no-cache';
/** A built file's address: one level under assets/ or at the top, no `..`, no hidden files. */
const BUILT_FILE = /^\/(?:assets\/)?[\w-][\w.-]*$/;
const VARIANTS = [
  { encoding: 'br', ext: '.br' },
  { encoding: 'gzip', ext: '.gz' },
] as const;

/** Picks the compressed copy of `file` the request accepts: its headers set, the suffix of the file to send returned. */
function useVariant(req: Request, res: Response, file: string): string {
  const present = VARIANTS.filter((v) => fs.existsSync(file + v.ext));
  if (present.length === 0) return '';
  res.vary('Accept-Encoding');
  // Our order, not the request's: browsers list gzip first yet all take brotli, which is smaller.
  // No Accept-Encoding at all gets the file as it is (HTTP would allow any, no client expects it).
  const chosen = req.headers['accept-encoding']
    ? present.find((v) => req.acceptsEncodings(v.encoding) === v.encoding)
    : undefined;
  if (!chosen) return '';
  // send() keeps a Content-Type already set, so the .br copy still goes out as JavaScript.
  res.type(path.extname(file));
  res.setHeader('Content-Encoding', chosen.encoding);
  return chosen.ext;
}

/** The files of a built UI: hashed assets cached for good, the rest revalidated, compressed copies preferred. */
export function builtFiles(dir: string): RequestHandler {
  const assets = path.join(dir, 'assets') + path.sep;
  const files = express.static(dir, {
    index: false,
    cacheControl: false,
    setHeaders: (res, file) =>
      res.setHeader('Cache-Control', file.startsWith(assets) ? YEAR_IMMUTABLE : ALWAYS_REVALIDATE),
  });
  return (req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && BUILT_FILE.test(req.path)) {
      const suffix = useVariant(req, res, path.join(dir, req.path));
      if (suffix) req.url = req.path + suffix;
    }
    // An asset this build does not have is a 404, never the index page: a page still running the
    // previous build then fails loudly instead of parsing HTML as JavaScript.
    files(req, res, (err?: unknown) => (err || !req.path.startsWith('/assets/') ? next(err) : res.sendStatus(404)));
  };
}

/** The page of a built UI that answers an address, and an API path the browser may fetch before its code asks. */
export interface Page {
  file: string;
  preload?: string;
}
export type PageFor = (urlPath: string) => Page;

/**
 * The console's build: the public pages are a build of their own on Preact (issue 17), named
 * with the data they show first so that a slow line brings it alongside their code; the rest is
 * the agent console.
 */
export const consolePage: PageFor = (urlPath) => {
  const address = publicPageOf(urlPath);
  if (!address) return { file: 'index.html' };
  const data = firstDataOf(address.page, address.param);
  return { file: 'public.html', preload: data && `/api${data}` };
};

/** The page for a client-side route (index.html unless `pageFor` says): always revalidated, compressed when the browser accepts it. */
export function sendIndex(dir: string, pageFor: PageFor = () => ({ file: 'index.html' })): RequestHandler {
  return (req, res, next) => {
    const page = pageFor(req.path);
    const file = path.join(dir, page.file);
    const suffix = useVariant(req, res, file);
    res.setHeader('Cache-Control', ALWAYS_REVALIDATE);
    // `crossorigin`: the page's fetch() (same origin, credentials same-origin) takes this response.
    if (page.preload) res.setHeader('Link', `<${page.preload}>; rel=preload; as=fetch; crossorigin`);
    res.sendFile(file + suffix, { cacheControl: false }, (err) => err && next(err));
  };
}
