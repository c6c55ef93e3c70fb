import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../scripts/vite-precompress';

export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
  resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
  // Every browser the console supports preloads modules itself: no polyfill in the first download.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, modulePreload: { polyfill: false } },
});
