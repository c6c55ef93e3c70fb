// Issue 17: the public pages (public.html: display, kiosk, status page, the guest's video page)
// built on Preact. The same components as the console's: every `react` and `react-dom` import,
// the libraries' included (TanStack Query), resolves to preact/compat, and JSX compiles against
// it. A slow phone downloads ~13 KB of Preact instead of ~55 KB of react-dom and runs far less
// of it before the page can be used (bench-screens).
//   npm run build       both builds: this one first, then the console's (vite.config.ts)
//   npm run dev:public  these pages alone, with the API on :3000
import { publicPageOf } from '../domain/public-pages';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from '../scripts/vite-precompress';
import { shared } from './vite.shared';

/** The dev server answers a public address with public.html, as the API does in production. */
const publicPages: Plugin = {
  name: 'ventanilla-public-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && publicPageOf(req.url.split('?')[0]!)) req.url = '/public.html';
      next();
    });
  },
};

export default defineConfig({
  ...shared,
  plugins: [publicPages, precompress()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact/compat' } },
  // Its dev server pre-bundles the aliased libraries: apart from the console's React ones.
  cacheDir: 'node_modules/.vite-public',
  resolve: {
    alias: [
      ...Object.entries(shared.resolve.alias).map(([find, replacement]) => ({ find, replacement })),
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    ...shared.build,
    emptyOutDir: true,
    rolldownOptions: {
      input: 'public.html',
      // TanStack Query marks its hooks "use client" for React's server components: nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
