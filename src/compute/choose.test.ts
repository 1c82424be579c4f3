import { describe, expect, it } from 'vitest';
import { chooseBackend, isSoftwareAdapter, needsProbe, type BackendFacts } from './choose.ts';

const swiftshader = { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true };
const nvidia = { vendor: 'nvidia', architecture: 'ada', description: 'NVIDIA GeForce RTX 4070', isFallbackAdapter: false };

function browser(over: Partial<BackendFacts> = {}): BackendFacts {
  return {
    platform: 'browser',
    webgpu: { available: true, adapter: nvidia },
    wasm: { available: true, simd: true, threads: true },
    webgl: { available: true, renderer: 'ANGLE' },
    ...over,
  };
}

describe('chooseBackend', () => {
  it('prefers WebGPU on a hardware adapter', () => {
    const d = chooseBackend(browser());
    expect(d.name).toBe('webgpu');
    expect(d.fallbacks).toEqual(['wasm', 'webgl', 'cpu']);
    expect(d.reason).toMatch(/hardware WebGPU adapter.*NVIDIA/);
  });

  it('skips a software (SwiftShader) adapter in favour of WASM and says why', () => {
    const d = chooseBackend(browser({ webgpu: { available: true, adapter: swiftshader } }));
    expect(d.name).toBe('wasm');
    expect(d.fallbacks).toEqual(['webgl', 'cpu', 'webgpu']);
    expect(d.reason).toMatch(/^WASM \(SIMD, threads\) is used because the only WebGPU adapter is a software one \(google swiftshader\)/);
  });

  it('recognizes software adapters by name even without isFallbackAdapter', () => {
    expect(isSoftwareAdapter({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ architecture: 'SwiftShader' })).toBe(true);
    expect(isSoftwareAdapter(nvidia)).toBe(false);
  });

  it('falls back to WASM when WebGPU has no adapter', () => {
    const d = chooseBackend(browser({ webgpu: { available: false, problem: 'no WebGPU adapter was found' } }));
    expect(d.name).toBe('wasm');
    expect(d.reason).toBe('WASM (SIMD, threads) is used: no WebGPU adapter was found; WASM is the fastest remaining backend.');
  });

  it('goes down the list: WebGL, then CPU', () => {
    const noGpu = { webgpu: { available: false }, wasm: { available: false } };
    expect(chooseBackend(browser(noGpu)).name).toBe('webgl');
    const d = chooseBackend(browser({ ...noGpu, webgl: { available: false } }));
    expect(d).toMatchObject({ name: 'cpu', fallbacks: [] });
  });

  it('honours a forced backend, even a software WebGPU adapter', () => {
    const d = chooseBackend(browser({ webgpu: { available: true, adapter: swiftshader } }), 'webgpu');
    expect(d.name).toBe('webgpu');
    expect(d.reason).toMatch(/WebGPU was requested \(software adapter/);
    expect(chooseBackend(browser(), 'cpu')).toMatchObject({ name: 'cpu', reason: 'CPU was requested.' });
  });

  it('says so when the forced backend does not exist', () => {
    const d = chooseBackend(browser({ webgpu: { available: false, problem: 'no WebGPU adapter was found' } }), 'webgpu');
    expect(d.name).toBe('wasm');
    expect(d.reason).toMatch(/WebGPU was requested but no WebGPU adapter was found, so WASM .* is used/);
  });

  it('lets a measured probe decide for an adapter that gives no facts', () => {
    const anonymous = { vendor: '', architecture: '' };
    const facts = browser({ webgpu: { available: true, adapter: anonymous } });
    expect(needsProbe(facts)).toBe(true);
    expect(needsProbe(facts, 'wasm')).toBe(false);
    expect(chooseBackend({ ...facts, probeMs: { webgpu: 2, wasm: 9 } }).name).toBe('webgpu');
    const slow = chooseBackend({ ...facts, probeMs: { webgpu: 30, wasm: 9 } });
    expect(slow.name).toBe('wasm');
    expect(slow.reason).toMatch(/probe .* took 30\.0 ms on WebGPU vs 9\.0 ms on WASM/);
  });

  it('describes Node plainly', () => {
    const d = chooseBackend({
      platform: 'node',
      webgpu: { available: false },
      wasm: { available: true, simd: true },
      webgl: { available: false },
    });
    expect(d).toMatchObject({ name: 'wasm', fallbacks: ['cpu'] });
    expect(d.reason).toBe('WASM (SIMD) is used: WebGPU is not available in Node; WASM is the fastest remaining backend.');
  });
});
