// Test-only entry for recorded-render.html: opens the packed recorded bank and the SoundFont
// banks from the page's own origin, renders the clips named in ?ids= with the app's own corpus
// code, and publishes each clip's WAV checksum on window (compared with Node's in the spec). The
// clips named in ?worker= are rendered again in a module worker (published as recordedWorker).
import { renderChecksums } from './recorded-render-core.ts';

type Answer = { checksums?: Record<string, string>; error?: string };

function inWorker(ids: string[], base: string): Promise<Record<string, string>> {
  const w = new Worker(new URL('./recorded-render-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    w.onmessage = (e: MessageEvent<Answer>) => {
      w.terminate();
      if (e.data.error) reject(new Error(e.data.error));
      else resolve(e.data.checksums!);
    };
    w.onerror = (e) => reject(new Error(`worker: ${e.message}`));
    w.postMessage({ ids, base });
  });
}

async function run(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const base = new URL('.', location.href).href;
  const w = window as unknown as { recorded?: unknown; recordedWorker?: unknown };
  w.recorded = await renderChecksums(q.get('ids')!.split(','), base, 'page');
  const workerIds = q.get('worker')?.split(',').filter(Boolean) ?? [];
  w.recordedWorker = workerIds.length ? await inWorker(workerIds, base) : {};
}

run().catch((e) => {
  const w = window as unknown as { recorded?: unknown; recordedWorker?: unknown };
  w.recorded = { error: String(e?.stack ?? e) };
  w.recordedWorker = { error: String(e?.stack ?? e) };
});
