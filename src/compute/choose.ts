// The one backend chooser, shared by the app (worker) and the CLI (node.ts). Pure: it takes the
// facts gathered about the environment (and optionally probe timings) and returns the backend to
// use, the ones to fall back to in order, and one sentence saying why.
// Preference: WebGPU on a hardware adapter, then WASM, then WebGL, then CPU. A software WebGPU
// adapter (SwiftShader, llvmpipe, "fallback") is slower than WASM, so it is not picked unless
// forced or a measured probe shows it faster.
import { BACKEND_PREFERENCE, type BackendName } from './types.ts';

export interface AdapterFacts {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  /** `adapter.isFallbackAdapter` / `adapter.info.isFallbackAdapter`, when the browser says. */
  isFallbackAdapter?: boolean;
}

export interface BackendFacts {
  /** Where we run: decides the wording ("in Node", "in this browser"). */
  platform: 'browser' | 'node';
  /** WebGPU: `adapter` is set when requestAdapter() gave one; `problem` says why not otherwise. */
  webgpu: { available: boolean; adapter?: AdapterFacts; problem?: string };
  wasm: { available: boolean; simd?: boolean; threads?: boolean };
  webgl: { available: boolean; renderer?: string };
  /** Milliseconds for the same small probe (e.g. a 256x256 matMul) per backend, when measured. */
  probeMs?: Partial<Record<BackendName, number>>;
}

export interface BackendDecision {
  name: BackendName;
  /** Backends to try next, in order, if `name` fails to initialise. */
  fallbacks: BackendName[];
  reason: string;
}

const SOFTWARE_PATTERN = /swiftshader|llvmpipe|lavapipe|softpipe|fallback|software|microsoft basic render/i;

/** True when the adapter is a CPU emulation of a GPU (slower than WASM for this lab). */
export function isSoftwareAdapter(a: AdapterFacts): boolean {
  if (a.isFallbackAdapter === true) return true;
  return [a.vendor, a.architecture, a.device, a.description].some((s) => s !== undefined && SOFTWARE_PATTERN.test(s));
}

/** True when the adapter does not identify itself at all (privacy-masked), so only a probe can tell. */
export function isUnknownAdapter(a: AdapterFacts): boolean {
  return a.isFallbackAdapter === undefined && ![a.vendor, a.architecture, a.device, a.description].some((s) => s);
}

/** Whether a measured probe would change the decision: an adapter that gives no facts at all. */
export function needsProbe(facts: BackendFacts, force?: BackendName): boolean {
  const a = facts.webgpu.adapter;
  return force === undefined && facts.webgpu.available && a !== undefined && isUnknownAdapter(a)
    && facts.wasm.available && facts.probeMs === undefined;
}

/** Short human description of the adapter, e.g. "google swiftshader". */
export function describeAdapter(a: AdapterFacts): string {
  const parts = [a.vendor, a.architecture, a.description].filter((s) => s);
  return parts.length > 0 ? parts.join(' ') : 'an unnamed adapter';
}

export const BACKEND_LABEL: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  wasm: 'WASM',
  webgl: 'WebGL',
  cpu: 'CPU',
};

function wasmLabel(f: BackendFacts): string {
  const extras = [f.wasm.simd ? 'SIMD' : '', f.wasm.threads ? 'threads' : ''].filter((s) => s);
  return extras.length > 0 ? `WASM (${extras.join(', ')})` : 'WASM';
}

function available(f: BackendFacts, name: BackendName): boolean {
  return name === 'cpu' || f[name].available;
}

/** Why a backend is unavailable, as a clause ("no WebGPU adapter"). */
function whyNot(f: BackendFacts, name: BackendName): string {
  const where = f.platform === 'node' ? 'in Node' : 'in this browser';
  if (name === 'webgpu' && f.webgpu.problem) return f.webgpu.problem;
  return `${BACKEND_LABEL[name]} is not available ${where}`;
}

/** Picks the backend. `force` is the user's choice; it wins whenever that backend exists. */
export function chooseBackend(facts: BackendFacts, force?: BackendName): BackendDecision {
  const usable = BACKEND_PREFERENCE.filter((b) => available(facts, b));
  const adapter = facts.webgpu.adapter;
  const software = adapter !== undefined && isSoftwareAdapter(adapter);
  const probe = facts.probeMs ?? {};
  const gpuBeatsWasm = probe.webgpu !== undefined && probe.wasm !== undefined && probe.webgpu < probe.wasm;
  const withoutWebgpu = usable.filter((b) => b !== 'webgpu');

  if (force !== undefined) {
    const rest = usable.filter((b) => b !== force);
    if (available(facts, force)) {
      const note = force === 'webgpu' && software ? ` (software adapter: ${describeAdapter(adapter!)}, slow)` : '';
      return { name: force, fallbacks: rest, reason: `${BACKEND_LABEL[force]} was requested${note}.` };
    }
    return {
      name: rest[0],
      fallbacks: rest.slice(1),
      reason: `${BACKEND_LABEL[force]} was requested but ${whyNot(facts, force)}, so ${label(facts, rest[0])} is used.`,
    };
  }

  if (usable.includes('webgpu') && adapter !== undefined) {
    const measured = probe.webgpu !== undefined && probe.wasm !== undefined;
    const timing = `${ms(probe.webgpu)} on WebGPU vs ${ms(probe.wasm)} on WASM`;
    const desc = describeAdapter(adapter);
    let pickGpu: boolean;
    let why: string;
    if (measured && (software || isUnknownAdapter(adapter))) {
      pickGpu = gpuBeatsWasm;
      why = `a short probe on the WebGPU adapter (${desc}) took ${timing}`;
    } else if (software) {
      pickGpu = false;
      why = `the only WebGPU adapter is a software one (${desc}), which is slower than WASM here`;
    } else {
      pickGpu = true;
      why = `a hardware WebGPU adapter was found (${desc})`;
    }
    if (pickGpu) return { name: 'webgpu', fallbacks: withoutWebgpu, reason: `WebGPU is used because ${why}.` };
    const first = withoutWebgpu[0];
    return { name: first, fallbacks: [...withoutWebgpu.slice(1), 'webgpu'], reason: `${label(facts, first)} is used because ${why}.` };
  }

  const first = withoutWebgpu[0];
  const gpuNote = whyNot(facts, 'webgpu');
  const why = first === 'wasm'
    ? `${gpuNote}; WASM is the fastest remaining backend`
    : first === 'webgl'
      ? `${gpuNote} and neither is WASM`
      : 'no accelerated backend (WebGPU, WASM, WebGL) is available';
  return { name: first, fallbacks: withoutWebgpu.slice(1), reason: `${label(facts, first)} is used: ${why}.` };
}

function label(f: BackendFacts, name: BackendName): string {
  return name === 'wasm' ? wasmLabel(f) : BACKEND_LABEL[name];
}

function ms(v: number | undefined): string {
  return v === undefined ? '?' : `${v.toFixed(1)} ms`;
}
