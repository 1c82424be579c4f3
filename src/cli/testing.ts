// Test helper: `diffpir <argv>` run in this process with console output captured (and each
// stderr line passed to onLine as it comes), for the CLI tests of every part.
import { vi } from 'vitest';
import { main } from './main.ts';

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
