// The --queue argument: a Redis URL (redis://HOST:PORT[/DB], rediss:// for TLS, optional
// user:password@) checked before anything is enqueued, so a typo or a Redis that is not running
// is one clear line naming the host and port, not a client retrying in the background.
import { Redis } from 'ioredis';
import { LabError } from '../common/errors.ts';

export interface QueueAddress {
  host: string;
  port: number;
  db: number;
  tls: boolean;
  username?: string;
  password?: string;
  /** "HOST:PORT" for messages (never the password). */
  where: string;
}

const EXAMPLE = 'redis://HOST:PORT, e.g. redis://127.0.0.1:6379';

export function parseQueueUrl(text: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new LabError(`--queue "${text}" is not a Redis URL; give ${EXAMPLE}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new LabError(`--queue "${text}": the scheme must be redis:// or rediss://, not ${u.protocol}//; give ${EXAMPLE}`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new LabError(`--queue "${text}" names no host; give ${EXAMPLE}`);
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new LabError(`--queue "${text}": "${dbText}" is not a database number (redis://HOST:PORT/0)`);
  if (u.search || u.hash) throw new LabError(`--queue "${text}": no ?query or #fragment is read; give ${EXAMPLE}`);
  return {
    host, port, db, tls: u.protocol === 'rediss:',
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    where: `${host}:${port}`,
  };
}

/** Connection options for BullMQ (ioredis); workers need maxRetriesPerRequest null (BullMQ's rule). */
export function connectionOptions(a: QueueAddress, kind: 'worker' | 'queue'): Record<string, unknown> {
  return {
    host: a.host, port: a.port, db: a.db,
    ...(a.username ? { username: a.username } : {}),
    ...(a.password ? { password: a.password } : {}),
    ...(a.tls ? { tls: {} } : {}),
    // The coordinator's calls fail at once while Redis is away (it says so and polls again);
    // a worker's wait for jobs just blocks until Redis is back.
    ...(kind === 'queue' ? { enableOfflineQueue: false } : { maxRetriesPerRequest: null }),
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}

/** Connects once and PINGs; a LabError naming HOST:PORT when nothing answers there. */
export async function checkReachable(a: QueueAddress, timeoutMs = 3000): Promise<void> {
  const client = new Redis({
    ...connectionOptions(a, 'queue'), lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null,
  });
  let first: Error | undefined;
  client.on('error', (e: Error) => void (first ??= e));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const err = (first ?? e) as NodeJS.ErrnoException;
    const why = err.code ?? err.message;
    throw new LabError(`cannot reach Redis at ${a.where} (${why}); start one there (redis-server --port ${a.port}) or give another --queue`);
  } finally {
    client.disconnect();
  }
}
