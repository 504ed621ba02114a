// Every page is prerendered to static HTML; the browser-only features hydrate on top.
export const prerender = true;
