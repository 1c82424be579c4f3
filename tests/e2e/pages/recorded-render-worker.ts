// Test-only module worker of recorded-render.html: renders the clips it is sent, as the app's
// render worker would (codec WASM included), and answers with their checksums or the error.
import { renderChecksums } from './recorded-render-core.ts';

self.onmessage = async (e: MessageEvent<{ ids: string[]; base: string }>) => {
  try {
    self.postMessage({ checksums: await renderChecksums(e.data.ids, e.data.base, 'worker') });
  } catch (err) {
    self.postMessage({ error: String((err as Error)?.stack ?? err) });
  }
};
