import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const sharedSrc = fileURLToPath(new URL('../../shared/src/index.ts', import.meta.url));

export default defineConfig({
  // The NestJS server serves this build at /admin and the API at /api/v1 on the same origin.
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: { '@yizhan/shared': sharedSrc },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React and the router in one vendor chunk of their own: content-hashed and cached
        // for a year (server/src/front-ends.ts), it stays valid across deploys that change
        // only our pages. antd is left to the automatic split, which already gives each
        // component its own chunk loaded with the first page that uses it (the table with
        // the desk, the date picker with the pages that pick dates); one antd chunk would
        // make the desk download every component of every page.
        codeSplitting: {
          groups: [
            { name: 'react-vendor', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@remix-run[\\/]router)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20000,
  },
});
