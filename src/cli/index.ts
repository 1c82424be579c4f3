// Public surface of cli (Node only): the command registry and `main(argv)`, which bin/diffpir.mjs runs.
// The vitest helper runCli is in ./testing.ts, imported by path from tests.
export { main } from './main.ts';
export { commands } from './commands/index.ts';
export type { Command } from './command.ts';
