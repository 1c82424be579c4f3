// `diffpir worker`: runs sweep cells from the queue (src/sweep-queue) until stopped: Ctrl-C or
// SIGTERM finishes the cells in hand first (a second one stops at once; the queue then hands
// those cells to another worker). --idle-exit ends it once the queue has been empty that long.
// BullMQ's close waits for Redis; while Redis is away a worker with no cell in hand leaves anyway.
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { checkReachable, parseQueueUrl, startWorker } from '../../sweep-queue/index.ts';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run sweep cells from a Redis queue (npx diffpir sweep ... --queue) until stopped',
  usage:
    'npx diffpir worker --queue redis://HOST:PORT [--concurrency 1] [--stall-seconds 30] [--idle-exit <seconds>] [--backend wasm|cpu]\n' +
    '  start it in a folder that reads the same models and corpus as the sweep (relative paths are read from here);\n' +
    '  one worker process uses one core: start one per core; --concurrency N runs N cells at once in this process\n' +
    '  --stall-seconds: a cell whose worker stops renewing its lock this long is handed to another worker',
  async run(args) {
    const address = parseQueueUrl(args.requireStr('queue'));
    const concurrency = args.num('concurrency', 1)!;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new LabError(`--concurrency ${concurrency} must be a positive integer`);
    const stallSeconds = args.num('stall-seconds', 30)!;
    if (!(stallSeconds >= 1)) throw new LabError(`--stall-seconds ${stallSeconds} must be at least 1`);
    const idleExit = args.num('idle-exit');
    if (idleExit !== undefined && !(idleExit > 0)) throw new LabError(`--idle-exit ${idleExit} must be a positive number of seconds`);
    await checkReachable(address);
    const backend = await initNodeBackend(args.str('backend'));
    const tag = `worker ${process.pid}`;
    const log = (line: string) => console.error(`${tag}: ${line}`);
    const running = startWorker(address, { concurrency, stallSeconds, log });
    log(`on the queue at ${address.where}, backend ${backend.name}, ${concurrency} cell${concurrency === 1 ? '' : 's'} at a time`);
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (why: string) => {
        if (stopping) {
          // Not waiting for anything (Redis may be away): the queue hands the cells in hand to another worker.
          log(`${why} again: stopping now`);
          process.exit(1);
        }
        stopping = true;
        log(`${why}: finishing the cells in hand (again to stop now)`);
        void running.close().finally(resolve);
        const since = Date.now();
        setInterval(() => {
          if (running.busy() === 0 && Date.now() - since > 5000) {
            log(`no cell in hand and the queue at ${address.where} does not let go: stopping without it`);
            process.exit(0);
          }
        }, 1000).unref();
      };
      process.on('SIGINT', () => stop('interrupted'));
      process.on('SIGTERM', () => stop('terminated'));
      if (idleExit !== undefined) {
        let last = Date.now();
        running.worker.on('active', () => void (last = Infinity));
        running.worker.on('completed', () => void (last = Date.now()));
        running.worker.on('failed', () => void (last = Date.now()));
        const timer = setInterval(() => {
          if (running.worker.isRunning() && Date.now() - last > idleExit * 1000) {
            clearInterval(timer);
            stop(`idle for ${idleExit} s`);
          }
        }, 500);
        timer.unref();
      }
    });
    log('stopped');
  },
};
