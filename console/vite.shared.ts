// What the console's two builds (vite.config.ts, vite.public.config.ts) have in common.
import { fileURLToPath, URL } from 'node:url';
import type { UserConfig } from 'vite';

export const shared = {
  base: '/',
  resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
  // Every browser the console supports preloads modules itself: no polyfill in the first download.
  build: { outDir: 'dist', sourcemap: false, modulePreload: { polyfill: false } },
} satisfies UserConfig;
