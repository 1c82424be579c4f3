// Test helpers: worker processes (`diffpir worker`) whose output lines can be awaited, and the
// CLI run in this process with its output captured; a private redis-server is in redis-local.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { freePort, startRedis, type TestRedis } from './redis-local.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

export { runCli } from '../cli/testing.ts';
