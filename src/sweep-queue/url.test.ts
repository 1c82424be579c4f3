// The --queue URL: accepted forms, one-line errors for bad ones, and an unreachable Redis named by host and port.
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { checkReachable, parseQueueUrl } from './url.ts';

describe('queue URL', () => {
  it('reads host, port, database and credentials', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6390')).toMatchObject({ host: '127.0.0.1', port: 6390, db: 0, tls: false, where: '127.0.0.1:6390' });
    expect(parseQueueUrl('redis://queue.lab')).toMatchObject({ host: 'queue.lab', port: 6379, where: 'queue.lab:6379' });
    expect(parseQueueUrl('rediss://u:p%40ss@h:1/2')).toMatchObject({ username: 'u', password: 'p@ss', db: 2, tls: true, where: 'h:1' });
  });

  it('refuses what is not a Redis URL, in one line', () => {
    expect(() => parseQueueUrl('127.0.0.1:6379')).toThrow(/scheme must be redis:\/\/|not a Redis URL/);
    expect(() => parseQueueUrl('http://h:1')).toThrow(/scheme must be redis:\/\/ or rediss:\/\/, not http:\/\//);
    expect(() => parseQueueUrl('nonsense')).toThrow(/"nonsense" is not a Redis URL; give redis:\/\/HOST:PORT/);
    expect(() => parseQueueUrl('redis://h:1/x')).toThrow(/not a database number/);
  });

  it('names host and port when nothing answers there', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    await expect(checkReachable(parseQueueUrl(`redis://127.0.0.1:${port}`))).rejects.toThrow(
      new RegExp(`cannot reach Redis at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
    );
  });
});
