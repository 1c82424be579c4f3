// The shape every CLI command has. Commands live in ./commands/, one file each,
// and call the same pipeline functions the UI's worker calls.
import type { Args } from './args.ts';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: Args): Promise<void>;
}
