import { defineConfig } from 'vite';

/**
 * The operator's page: Preact through oxc's automatic JSX runtime, built into `dist/`, which the
 * API serves from the same origin (so the page needs no CORS, and its CSP forbids inline
 * scripts: Vite emits only files). `vite` (dev) proxies the API to a running `npm start`.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: {
      '/v1': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
