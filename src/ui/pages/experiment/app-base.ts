// The app's base URL (where models/ and banks/ are served), for worker requests: a worker's own
// URL is under assets/, so relative paths are resolved against the page's base instead.
export function appBase(): string {
  return new URL('./', document.baseURI).href;
}
