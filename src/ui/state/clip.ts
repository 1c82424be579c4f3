// Clip slice: the clip on show (decoded facts, log-mel, waveform overview), its loading progress
// and the last error. A failed load keeps the previous clip on screen.
import { create } from 'zustand';
import type { Progress } from '../../common/progress.ts';
import type { MelResult } from '../../compute/messages/mel.ts';
import { compute } from '../compute.ts';
import { DEMO_FILE_NAME, demoWavBytes } from '../demo/demo-clip.ts';

export interface ClipState {
  clip: MelResult | null;
  isDemo: boolean;
  loading: boolean;
  progress: Progress | null;
  error: string | null;
  loadFile(file: File): Promise<void>;
  loadBytes(bytes: ArrayBuffer, fileName: string, isDemo?: boolean): Promise<void>;
  loadDemo(): Promise<void>;
}

let current: AbortController | null = null;

export const useClip = create<ClipState>()((set, get) => ({
  clip: null,
  isDemo: false,
  loading: false,
  progress: null,
  error: null,
  async loadFile(file) {
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      set({ error: `${file.name}: the file could not be read (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    await get().loadBytes(bytes, file.name);
  },
  async loadBytes(bytes, fileName, isDemo = false) {
    current?.abort();
    const abort = new AbortController();
    current = abort;
    set({ loading: true, error: null, progress: { stage: 'reading the file', done: 0, total: 0, detail: fileName } });
    try {
      const clip = await compute().request('mel', { bytes, fileName }, {
        transfer: [bytes],
        signal: abort.signal,
        onProgress: (progress) => current === abort && set({ progress }),
      });
      if (current === abort) set({ clip, isDemo, loading: false, progress: null });
    } catch (e) {
      if (current !== abort) return;
      set({ loading: false, progress: null, error: e instanceof Error ? e.message : String(e) });
    }
  },
  async loadDemo() {
    const bytes = demoWavBytes();
    await get().loadBytes(bytes.buffer as ArrayBuffer, DEMO_FILE_NAME, true);
  },
}));
