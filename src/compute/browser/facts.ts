// Gathers the facts the chooser needs in a browser (page or worker): the WebGPU adapter and what
// it says about itself, WASM SIMD/threads support, and whether WebGL 2 can start.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { AdapterFacts, BackendFacts } from '../choose.ts';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

async function webgpuFacts(): Promise<BackendFacts['webgpu']> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { available: false, problem: 'this browser has no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { available: false, problem: 'no WebGPU adapter was found (Chromium without a GPU needs --enable-unsafe-webgpu)' };
    const info = adapter.info ?? {};
    const facts: AdapterFacts = {
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter,
    };
    return { available: true, adapter: facts };
  } catch (e) {
    return { available: false, problem: `requesting a WebGPU adapter failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

async function wasmFacts(): Promise<BackendFacts['wasm']> {
  if (typeof WebAssembly !== 'object') return { available: false };
  // Flags registered by @tensorflow/tfjs-backend-wasm; threads need cross-origin isolation.
  const [simd, threads] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  return { available: true, simd: simd === true, threads: threads === true };
}

function webglFacts(): BackendFacts['webgl'] {
  try {
    if (typeof OffscreenCanvas !== 'function') return { available: false };
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { available: false };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer };
  } catch {
    return { available: false };
  }
}

export async function gatherBrowserFacts(): Promise<BackendFacts> {
  return { platform: 'browser', webgpu: await webgpuFacts(), wasm: await wasmFacts(), webgl: webglFacts() };
}
