// A pure client-side app: IndexedDB lives in the browser, so nothing renders on a server.
export const ssr = false;
