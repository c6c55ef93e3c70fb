// The agent console (index.html, on React). The public pages are built after it by
// vite.public.config.ts into the same dist/ (`npm run build` runs both).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../scripts/vite-precompress';
import { shared } from './vite.shared';

export default defineConfig({
  ...shared,
  plugins: [react(), precompress()],
  // The public build, which runs first, emptied dist/ and left its files there.
  build: { ...shared.build, emptyOutDir: false },
});
