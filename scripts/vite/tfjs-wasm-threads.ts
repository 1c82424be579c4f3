// Vite plugin: keeps the tfjs WASM backend's threaded build working after minification.
// tfjs starts its pthread workers from a Blob holding `factory.toString()`; once the bundle is
// minified that text refers to renamed outer variables and the workers die ("e is not defined").
// This swaps in the untouched Emscripten glue file as text (a ?raw import), which is a complete
// script on its own. Fails the build if tfjs's code no longer has the expected shape.
import type { Plugin } from 'vite';

const TARGET = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
const BLOB_SOURCE = /`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)/;

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'diffpir:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!TARGET.test(id.split('?')[0])) return null;
      if (!BLOB_SOURCE.test(code)) {
        this.error('tfjs-wasm-threads: backend_wasm.js no longer builds the pthread Blob from toString(); update scripts/vite/tfjs-wasm-threads.ts');
      }
      const header = "import __threadedGlueSource from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';\n";
      return { code: header + code.replace(BLOB_SOURCE, '__threadedGlueSource'), map: null };
    },
  };
}
