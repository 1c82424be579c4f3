// The worker protocol end to end in Node: client <-> dispatcher over an in-memory channel that
// structured-clones like postMessage, with fake handlers and a fake runtime.
import { describe, expect, it } from 'vitest';
import { CancelledError, LabError } from '../common/errors.ts';
import { throwIfCancelled } from '../common/progress.ts';
import { ComputeClient, type WorkerEndpoint } from './client.ts';
import { createDispatcher } from './dispatcher.ts';
import { defineHandler, type HandlerMap } from './handler.ts';
import type { FromWorker, Notice, ToWorker } from './protocol.ts';
import type { ComputeRuntime } from './runtime.ts';
import type { BackendChoice, BackendName } from './types.ts';

function fakeRuntime(start: BackendName): ComputeRuntime & { switches: string[] } {
  let choice: BackendChoice | null = null;
  const switches: string[] = [];
  return {
    switches,
    current: () => choice,
    init: async (force) => (choice = { name: force ?? start, reason: 'test', facts: {} }),
    ensure: async () => choice ?? (choice = { name: start, reason: 'test', facts: {} }),
    fallBack: async (to, reason) => {
      switches.push(`${choice?.name}->${to}`);
      return (choice = { name: to, reason, facts: {} });
    },
    loseDevice: async () => false,
  };
}

function connect(handlers: Partial<HandlerMap>, runtime: ComputeRuntime) {
  const listeners: ((e: MessageEvent<FromWorker>) => void)[] = [];
  const dispatch = createDispatcher({
    handlers: handlers as HandlerMap,
    runtime,
    post: (msg, transfer) => {
      const copy = structuredClone(msg, { transfer });
      setTimeout(() => listeners.forEach((fn) => fn({ data: copy } as MessageEvent<FromWorker>)));
    },
  });
  const endpoint: WorkerEndpoint = {
    postMessage: (msg: ToWorker, transfer: Transferable[]) => {
      const copy = structuredClone(msg, { transfer });
      setTimeout(() => dispatch(copy));
    },
    addEventListener: (type: string, fn: never) => {
      if (type === 'message') listeners.push(fn);
    },
    terminate: () => undefined,
  };
  return new ComputeClient(endpoint);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('compute protocol', () => {
  it('returns typed results, forwards progress and transfers result buffers', async () => {
    const runtime = fakeRuntime('wasm');
    const client = connect({
      init: defineHandler('init', { run: async (p, ctx) => ctx.runtime.init(p.force) }),
      opsCheck: defineHandler('opsCheck', {
        run: async (_p, ctx) => {
          ctx.onProgress({ stage: 'checking ops', done: 1, total: 2 });
          return { backend: 'wasm', reference: 'cpu', rows: [], maxAbsError: 0, ms: 1 };
        },
      }),
    }, runtime);
    expect(await client.request('init', { force: 'cpu' })).toMatchObject({ name: 'cpu' });
    const seen: string[] = [];
    const r = await client.request('opsCheck', {}, { onProgress: (p) => seen.push(`${p.stage} ${p.done}/${p.total}`) });
    expect(r.backend).toBe('wasm');
    expect(seen).toEqual(['checking ops 1/2']);
    expect(client.lastBackend).toBe('cpu');
  });

  it('keeps LabError messages and cancels by id', async () => {
    const client = connect({
      mel: defineHandler('mel', {
        run: async (p, ctx) => {
          if (p.fileName === 'bad.txt') throw new LabError('bad.txt: not an audio file');
          for (let i = 0; i < 100; i++) {
            await sleep(5);
            throwIfCancelled(ctx.signal, 'mel');
          }
          throw new Error('should have been cancelled');
        },
      }),
    }, fakeRuntime('wasm'));
    await expect(client.request('mel', { bytes: new ArrayBuffer(4), fileName: 'bad.txt' })).rejects.toThrow(LabError);
    await expect(client.request('mel', { bytes: new ArrayBuffer(4), fileName: 'bad.txt' })).rejects.toThrow('bad.txt: not an audio file');
    const job = client.start('mel', { bytes: new ArrayBuffer(4), fileName: 'long.wav' });
    setTimeout(() => client.cancel(job.id), 20);
    await expect(job.result).rejects.toBeInstanceOf(CancelledError);
    const abort = new AbortController();
    const viaSignal = client.request('mel', { bytes: new ArrayBuffer(4), fileName: 'long.wav' }, { signal: abort.signal });
    setTimeout(() => abort.abort(), 20);
    await expect(viaSignal).rejects.toBeInstanceOf(CancelledError);
  });

  it('retries a failed WebGPU request on WASM and tells the user', async () => {
    const runtime = fakeRuntime('webgpu');
    let calls = 0;
    const client = connect({
      opsCheck: defineHandler('opsCheck', {
        run: async (_p, ctx) => {
          calls++;
          if (ctx.runtime.current()?.name === 'webgpu') throw new Error('GPU buffer mapping failed');
          return { backend: 'wasm', reference: 'cpu', rows: [], maxAbsError: 0, ms: 1 };
        },
      }),
    }, runtime);
    const notices: Notice[] = [];
    client.onNotice((n) => notices.push(n));
    const r = await client.request('opsCheck', {});
    expect(r.backend).toBe('wasm');
    expect(calls).toBe(2);
    expect(runtime.switches).toEqual(['webgpu->wasm']);
    expect(notices[0]).toMatchObject({ code: 'retried' });
    expect(notices[0].message).toMatch(/failed on WebGPU \(GPU buffer mapping failed\); switched to WASM/);
  });

  it('does not retry bad input, and reports unknown requests', async () => {
    const runtime = fakeRuntime('webgpu');
    const client = connect({
      mel: defineHandler('mel', { run: async () => { throw new LabError('x.wav: file is empty'); } }),
    }, runtime);
    await expect(client.request('mel', { bytes: new ArrayBuffer(0), fileName: 'x.wav' })).rejects.toThrow('x.wav: file is empty');
    expect(runtime.switches).toEqual([]);
    await expect(client.request('loseDevice', {})).rejects.toThrow(/unknown request "loseDevice"/);
  });

  it('runs requests one at a time in order', async () => {
    const order: string[] = [];
    const client = connect({
      init: defineHandler('init', {
        run: async (p, ctx) => {
          order.push(`start ${p.force}`);
          await sleep(p.force === 'cpu' ? 30 : 1);
          order.push(`end ${p.force}`);
          return ctx.runtime.init(p.force);
        },
      }),
    }, fakeRuntime('wasm'));
    await Promise.all([client.request('init', { force: 'cpu' }), client.request('init', { force: 'wasm' })]);
    expect(order).toEqual(['start cpu', 'end cpu', 'start wasm', 'end wasm']);
  });
});
