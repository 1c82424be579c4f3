// Whether an HTTP answer is the file asked for: a dev or preview server (Vite's SPA fallback) and
// many static hosts answer a missing file with the app's index.html and status 200, so an optional
// file (calibration.json) is present only when the answer is OK and not a web page.
export interface ServedLike {
  ok: boolean;
  headers?: { get(name: string): string | null };
}

export function isServedFile(res: ServedLike): boolean {
  return res.ok && !(res.headers?.get('content-type') ?? '').toLowerCase().includes('text/html');
}
