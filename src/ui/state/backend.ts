// Backend slice: which TensorFlow.js backend the worker uses and why, the user's forced choice
// (mirrored in the URL), and notices from the worker (device lost, request retried on WASM).
import { create } from 'zustand';
import type { Notice } from '../../compute/protocol.ts';
import type { BackendChoice, BackendName } from '../../compute/types.ts';
import { compute } from '../compute.ts';
import { forcedBackendFromUrl, setForcedBackendInUrl } from '../url-state.ts';

export interface BackendState {
  status: 'starting' | 'ready' | 'error';
  choice: BackendChoice | null;
  forced: BackendName | null;
  error: string | null;
  notices: Notice[];
  start(): void;
  force(name: BackendName | null): Promise<void>;
  dismissNotice(index: number): void;
}

let subscribed = false;

export const useBackend = create<BackendState>()((set, get) => ({
  status: 'starting',
  choice: null,
  forced: forcedBackendFromUrl(),
  error: null,
  notices: [],
  start() {
    if (!subscribed) {
      subscribed = true;
      compute().onBackend((choice) => set({ choice, status: 'ready', error: null }));
      compute().onNotice((n) => {
        set((s) => ({ notices: [...s.notices, n] }));
        // WebGPU stays unavailable after a loss; drop a forced WebGPU so the control tells the truth.
        if (n.code === 'device-lost' && get().forced === 'webgpu') {
          setForcedBackendInUrl(null);
          set({ forced: null });
        }
      });
    }
    void get().force(get().forced);
  },
  async force(name) {
    setForcedBackendInUrl(name);
    set({ forced: name, status: 'starting', error: null });
    try {
      const choice = await compute().request('init', name ? { force: name } : {});
      set({ choice, status: 'ready' });
    } catch (e) {
      set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  },
  dismissNotice(index) {
    set((s) => ({ notices: s.notices.filter((_, i) => i !== index) }));
  },
}));
