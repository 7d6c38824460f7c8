import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      // A single-page app: the Baton server answers every non-API path with index.html.
      adapter: adapter({ fallback: 'index.html' }),
    }),
  ],
  // `pnpm --filter @baton/web dev` talks to a Baton server started with `pnpm start` (port 4321).
  server: { proxy: { '/api': 'http://127.0.0.1:4321' } },
});
