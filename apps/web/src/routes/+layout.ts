// A single-page app served by the Baton server: nothing renders on a server or at build time.
export const ssr = false;
export const prerender = false;
