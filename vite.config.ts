// Vite config for the browser lab: React, workers as ES modules, and the
// tfjs WASM binaries served from our own origin (nothing is fetched elsewhere).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tfjsWasmThreads } from './scripts/vite/tfjs-wasm-threads.ts';
import { modelsFolder } from './scripts/vite/models.ts';
import { soundBanks } from './scripts/vite/soundbanks.ts';
import { probeFolders } from './scripts/vite/probe-folders.ts';

// Cross-origin isolation lets the tfjs WASM backend use its threaded SIMD build (SharedArrayBuffer).
// Everything the lab loads is same-origin, so require-corp blocks nothing.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [react(), modelsFolder(), soundBanks(), probeFolders()],
  base: './',
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
  // Pre-bundled for dev: the WASM backend's Emscripten glue is CommonJS (raw, it breaks the worker).
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu'] },
});
