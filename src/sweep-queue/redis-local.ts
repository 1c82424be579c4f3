// A private redis-server for tests and the queue benchmark: 127.0.0.1, a free port, no
// snapshots, no append-only file, its own temporary folder; it can be stopped and started again
// (empty) on the same port, as a restart without persistence would leave it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

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
