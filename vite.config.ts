import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web apps, two entry points of one build: the staff console (served at /app/) and the
// public portal (served at /p/{org}/); their files live under /app/assets/.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Which chunk each source became: the bench adds a language's catalogues to the first load.
    manifest: true,
    // The budget is 300 kB gzipped for the first load (bench/README.md), not 500 kB minified.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: {
        staff: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./src/web/portal.html', import.meta.url)),
      },
    },
  },
  logLevel: 'warn',
});
