// The worker's backend state in the browser: gathers facts, asks the shared chooser, initialises
// the pick (falling down the list when one fails to start), and watches for WebGPU device loss,
// switching to WASM with a notice when the device goes away.
import * as tf from '@tensorflow/tfjs';
import { LabError } from '../../common/errors.ts';
import { BACKEND_LABEL, chooseBackend, needsProbe, type BackendFacts } from '../choose.ts';
import { registerMissingKernels } from '../kernels.ts';
import type { Notice } from '../protocol.ts';
import type { ComputeRuntime } from '../runtime.ts';
import type { BackendChoice, BackendName } from '../types.ts';
import { gatherBrowserFacts } from './facts.ts';
import { timeMatMul } from './probe.ts';
import { useOwnOriginWasm } from './wasm-setup.ts';

export interface RuntimeEvents {
  notice(n: Notice): void;
  backend(choice: BackendChoice): void;
}

interface GpuDeviceLike {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

export class BrowserRuntime implements ComputeRuntime {
  private choice: BackendChoice | null = null;
  private facts: BackendFacts | null = null;
  private starting: Promise<BackendChoice> | null = null;
  private watchedDevice: GpuDeviceLike | null = null;
  private switching: Promise<BackendChoice> | null = null;

  constructor(private events: RuntimeEvents) {}

  current(): BackendChoice | null {
    return this.choice;
  }

  ensure(): Promise<BackendChoice> {
    if (this.choice) return Promise.resolve(this.choice);
    this.starting ??= this.init();
    return this.starting;
  }

  async init(force?: BackendName): Promise<BackendChoice> {
    useOwnOriginWasm();
    registerMissingKernels();
    if (!this.facts) {
      this.facts = await gatherBrowserFacts();
      // The WebGPU backend (~460 KB) is only fetched when there is an adapter to run it on.
      if (this.facts.webgpu.available) await import('@tensorflow/tfjs-backend-webgpu');
      if (needsProbe(this.facts, force)) {
        this.facts.probeMs = { webgpu: await timeMatMul('webgpu'), wasm: await timeMatMul('wasm') };
      }
    }
    const decision = chooseBackend(this.facts, force);
    const failures: string[] = [];
    for (const name of [decision.name, ...decision.fallbacks]) {
      const problem = await this.start(name);
      if (problem === null) {
        const reason = failures.length === 0
          ? decision.reason
          : `${failures.join('; ')}, so ${BACKEND_LABEL[name]} is used.`;
        if (failures.length > 0) this.events.notice({ code: 'backend-failed', message: reason });
        return this.adopt(name, reason);
      }
      failures.push(`${BACKEND_LABEL[name]} failed to start (${problem})`);
    }
    throw new LabError(`no compute backend could start: ${failures.join('; ')}`, 'backend');
  }

  /**
   * Switches to `to` (CPU if that fails). Concurrent calls (the device-loss watcher and a request
   * retried on WASM) share one switch: two overlapping tf.setBackend calls would make tfjs drop
   * the first initialisation as outdated.
   */
  fallBack(to: BackendName, reason: string): Promise<BackendChoice> {
    this.switching ??= this.switchTo(to, reason).finally(() => {
      this.switching = null;
    });
    return this.switching;
  }

  private async switchTo(to: BackendName, reason: string): Promise<BackendChoice> {
    const problem = await this.start(to);
    if (problem !== null) {
      if (to === 'cpu') throw new LabError(`falling back to CPU failed (${problem})`, 'backend');
      return this.switchTo('cpu', `${reason} ${BACKEND_LABEL[to]} failed to start (${problem}), so CPU is used.`);
    }
    return this.adopt(to, reason);
  }

  async loseDevice(): Promise<boolean> {
    if (this.choice?.name !== 'webgpu' || !this.watchedDevice) return false;
    this.watchedDevice.destroy();
    return true;
  }

  /** Initialises one backend and makes it active; returns null on success, else the problem. */
  private async start(name: BackendName): Promise<string | null> {
    try {
      const ok = await tf.setBackend(name);
      if (!ok) return 'initialisation returned false';
      await tf.ready();
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  private adopt(name: BackendName, reason: string): BackendChoice {
    const facts = this.flatFacts(name);
    this.choice = { name, reason, facts };
    this.starting = null;
    if (name === 'webgpu') this.watchDevice();
    this.events.backend(this.choice);
    return this.choice;
  }

  private watchDevice(): void {
    const device = (tf.backend() as unknown as { device?: GpuDeviceLike }).device;
    if (!device || device === this.watchedDevice) return;
    this.watchedDevice = device;
    void device.lost.then(async (info) => {
      if (this.watchedDevice !== device) return;
      this.watchedDevice = null;
      const why = info?.message || info?.reason || 'unknown reason';
      const message = `The WebGPU device was lost (${why}); switched to WASM.`;
      // tfjs cannot make a new device for the registered backend: WebGPU stays off until a reload.
      if (this.facts) this.facts.webgpu = { available: false, problem: 'the WebGPU device was lost (reload the page to use it again)' };
      if (this.choice?.name === 'webgpu') await this.fallBack('wasm', message);
      try {
        tf.removeBackend('webgpu');
      } catch {
        // Disposing a backend whose device is gone may throw; it is unusable either way.
      }
      this.events.notice({ code: 'device-lost', message });
    });
  }

  /** Facts worth showing next to the backend name. */
  private flatFacts(name: BackendName): Record<string, string | number | boolean> {
    const f = this.facts;
    if (!f) return {};
    const out: Record<string, string | number | boolean> = {};
    const a = f.webgpu.adapter;
    if (a) out.webgpuAdapter = [a.vendor, a.architecture, a.description].filter((s) => s).join(' ') || 'unnamed';
    if (a?.isFallbackAdapter !== undefined) out.webgpuFallbackAdapter = a.isFallbackAdapter;
    if (!f.webgpu.available && f.webgpu.problem) out.webgpu = f.webgpu.problem;
    if (f.wasm.available) {
      out.wasmSimd = f.wasm.simd === true;
      out.wasmThreads = f.wasm.threads === true;
    }
    if (f.webgl.renderer) out.webglRenderer = f.webgl.renderer;
    if (f.probeMs?.webgpu !== undefined) out.probeWebgpuMs = Number(f.probeMs.webgpu.toFixed(2));
    if (f.probeMs?.wasm !== undefined) out.probeWasmMs = Number(f.probeMs.wasm.toFixed(2));
    out.active = name;
    return out;
  }
}
