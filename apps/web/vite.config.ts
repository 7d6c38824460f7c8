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
});
