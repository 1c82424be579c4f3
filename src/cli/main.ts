// `diffpir` command-line entry: dispatches to a command, prints errors as one line.
import { Args, parseArgs } from './args.ts';
import { commands } from './commands/index.ts';
import { LabError } from '../common/errors.ts';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'DiffPIR Lab command line: npx diffpir <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `npx diffpir <command> --help` for a command\'s options. Add --debug for stack traces.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const rest = argv.filter((a) => a !== '--debug');
  const [name, ...tail] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`diffpir: unknown command "${name}". Run \`npx diffpir --help\` for the list.`);
    return 2;
  }
  if (tail.includes('--help') || tail.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    await command.run(new Args(parseArgs(tail), name));
    return 0;
  } catch (e) {
    if (debug) console.error(e);
    else if (e instanceof LabError) console.error(`diffpir ${name}: ${withoutName(e.message, name)}`);
    else console.error(`diffpir ${name}: ${e instanceof Error ? e.message : String(e)} (internal error; rerun with --debug)`);
    return 1;
  }
}

/** Messages that already start with the command's name are printed once ("diffpir x: ...", not "diffpir x: x: ..."). */
function withoutName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}
