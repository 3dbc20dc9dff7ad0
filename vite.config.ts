import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app: index.html at the repository root, sources in client/, output in dist/,
// which the Express server serves with an SPA fallback. client/public holds files served at
// the site root unchanged (the offline service worker must live at /sw.js to control /).
export default defineConfig({
  root: '.',
  publicDir: 'client/public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One script (React, Yjs, dnd-kit and the zod-validated board model): about 165 kB
    // gzipped, which the offline service worker caches with the page.
    chunkSizeWarningLimit: 800,
  },
});
