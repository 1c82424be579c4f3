// The compute backend said in a user's words (the technical reason stays one click away).
import type { BackendName } from '../../compute/types.ts';

export const BACKEND_IN_WORDS: Record<BackendName, string> = {
  webgpu: 'Computing on your graphics card (WebGPU): the fastest way this browser offers.',
  wasm: 'Computing on this computer’s processor (WebAssembly): views and recognition take seconds; training the larger models is slow.',
  webgl: 'Computing on your graphics card through WebGL: slower than WebGPU, faster than the processor for big models.',
  cpu: 'Computing in plain JavaScript: the slowest way, kept for checking results.',
};
