// `diffpir backend`: prints which compute backend the CLI uses and why.
import type { Command } from '../command.ts';
import { initNodeBackend } from '../../compute/node.ts';

export const backendCommand: Command = {
  name: 'backend',
  summary: 'Show the compute backend the command line uses, and why',
  usage: 'npx diffpir backend [--backend wasm|cpu]',
  async run(args) {
    const choice = await initNodeBackend(args.str('backend'));
    console.log(`${choice.name}: ${choice.reason}`);
    for (const [k, v] of Object.entries(choice.facts)) console.log(`  ${k}: ${v}`);
  },
};
