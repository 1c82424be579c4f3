// Test helpers: a private redis-server on 127.0.0.1 at a free port (no snapshots, no append-only
// file, its own temporary folder) that can be stopped and restarted on the same port, worker
// processes (`diffpir worker`) whose output lines can be awaited, and the CLI run in-process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { vi } from 'vitest';
import { main } from '../cli/main.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

export interface TestRedis {
  port: number;
  url: string;
  /** Stops it (its data is gone: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  cleanup(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: apt-get install -y redis-server (.ci/run does it)');
  }
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'diffpir-redis-'));
  let proc: ChildProcess | undefined;
  const r: TestRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      for (let i = 0; i < 100; i++) {
        const c = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        c.on('error', () => {});
        try {
          await c.connect();
          await c.ping();
          return;
        } catch {
          await new Promise((res) => setTimeout(res, 100));
        } finally {
          c.disconnect();
        }
      }
      throw new Error(`redis-server did not start on 127.0.0.1:${port}`);
    },
    async stop() {
      const p = proc;
      proc = undefined;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((res) => {
        p.once('exit', () => res());
        p.kill('SIGTERM');
      });
    },
    async cleanup() {
      await r.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await r.start();
  return r;
}

export interface WorkerProcess {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first output line (so far or to come) matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM (finishes the cell in hand) and waits for the exit. */
  stop(): Promise<void>;
}

export function spawnWorker(url: string, extra: string[] = []): WorkerProcess {
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin/diffpir.mjs'), 'worker', '--queue', url, ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (buf: Buffer) => {
    for (const line of buf.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.re.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  return {
    proc,
    lines,
    waitFor(re, timeoutMs = 120_000) {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`worker ${proc.pid}: no line matching ${re} in ${timeoutMs} ms; got:\n${lines.join('\n')}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => { clearTimeout(t); resolve(l); } });
      });
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** `diffpir <argv>` in this process, its output captured. */
export async function runCli(argv: string[], onLine?: (line: string) => void): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => {
    const line = a.join(' ');
    err.push(line);
    onLine?.(line);
  });
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
