// Vite config for the browser lab: React, workers as ES modules, and the
// tfjs WASM binaries served from our own origin (nothing is fetched elsewhere).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
