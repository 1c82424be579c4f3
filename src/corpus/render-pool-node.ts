// Node only: a pool of worker threads rendering clips in parallel (one per core by default).
// Workers load TypeScript through tsx's loader, registered by a small bootstrap script.
import { Worker } from 'node:worker_threads';
import { LabError } from '../common/errors.ts';
import type { ClipRenderer, WavEncoding } from './corpus-render.ts';
import type { CodecRecord } from './render-codec.ts';
import type { PartRecord } from './types.ts';

type Answer = { job: number; bytes: Uint8Array; parts: PartRecord[]; codec?: CodecRecord } | { job: number; error: string; lab: boolean };

export interface RenderPool {
  renderer: ClipRenderer;
  close(): Promise<void>;
}

export function createRenderPool(size: number, opts: { encoding?: WavEncoding; bankDir?: string; sampleBankDir?: string } = {}): RenderPool {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker-node.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })` +
    '.catch((e) => { console.error(e); process.exit(1); });';
  const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const queue: (() => void)[] = [];
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(boot, { eval: true, workerData: { encoding: opts.encoding ?? 'pcm16', bankDir: opts.bankDir, sampleBankDir: opts.sampleBankDir } });
    w.on('message', (a: Answer) => {
      waiting.get(a.job)?.resolve(a);
      waiting.delete(a.job);
      idle.push(w);
      queue.shift()?.();
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
    idle.push(w);
    return w;
  });
  let jobs = 0;
  const renderer: ClipRenderer = (spec) =>
    new Promise<Answer>((resolve, reject) => {
      const start = () => {
        const w = idle.pop()!;
        const job = ++jobs;
        waiting.set(job, { resolve, reject });
        w.postMessage({ job, spec });
      };
      if (idle.length > 0) start();
      else queue.push(start);
    }).then((a) => {
      if ('error' in a) throw a.lab ? new LabError(a.error) : new Error(a.error);
      return { bytes: a.bytes, parts: a.parts, ...(a.codec ? { codec: a.codec } : {}) };
    });
  return {
    renderer,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
