// Ops-check slice: runs the worker's `opsCheck` (active backend vs CPU) on demand.
import { create } from 'zustand';
import type { OpsCheckResult } from '../../compute/messages/ops-check.ts';
import { compute } from '../compute.ts';

export interface OpsCheckState {
  running: boolean;
  result: OpsCheckResult | null;
  error: string | null;
  run(): Promise<void>;
}

export const useOpsCheck = create<OpsCheckState>()((set) => ({
  running: false,
  result: null,
  error: null,
  async run() {
    set({ running: true, error: null, result: null });
    try {
      set({ result: await compute().request('opsCheck', {}), running: false });
    } catch (e) {
      set({ running: false, error: e instanceof Error ? e.message : String(e) });
    }
  },
}));
