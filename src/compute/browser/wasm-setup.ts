// Points the tfjs WASM backend at binaries served from the app's own origin. Vite emits the three
// .wasm files from node_modules as hashed assets (`?url`), so nothing is committed and nothing is
// fetched from a CDN. Must run before the WASM backend is first initialised.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let done = false;

export function useOwnOriginWasm(): void {
  if (done) return;
  done = true;
  // Asset URLs are relative to the worker's module; make them absolute for Emscripten's fetch.
  const abs = (u: string) => new URL(u, import.meta.url).href;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': abs(plainUrl),
    'tfjs-backend-wasm-simd.wasm': abs(simdUrl),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(threadedSimdUrl),
  });
}
