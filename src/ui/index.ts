// Public surface of ui: the page registry only (side-effect free). The app's entry is main.tsx,
// loaded by index.html; it and state/page.ts touch the DOM and the URL when imported.
export { DEFAULT_PAGE_ID, PAGES, findPage } from './pages/registry.ts';
export type { PageEntry } from './pages/registry.ts';
