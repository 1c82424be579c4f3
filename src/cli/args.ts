// Minimal argument parser for `diffpir <command> [positionals] [--flag value] [--switch]`.
import { LabError } from '../common/errors.ts';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags.set(a.slice(2, eq), a.slice(eq + 1));
      } else {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          flags.set(a.slice(2), next);
          i++;
        } else {
          flags.set(a.slice(2), true);
        }
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, flags };
}

/** Typed accessors that fail with a message naming the flag. */
export class Args {
  constructor(readonly parsed: ParsedArgs, readonly command: string) {}

  has(name: string): boolean {
    return this.parsed.flags.has(name);
  }
  str(name: string): string | undefined {
    const v = this.parsed.flags.get(name);
    if (v === true) throw new LabError(`--${name} needs a value`);
    return v;
  }
  requireStr(name: string): string {
    const v = this.str(name);
    if (v === undefined) throw new LabError(`--${name} is required`);
    return v;
  }
  num(name: string, fallback?: number): number | undefined {
    const v = this.str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new LabError(`--${name} must be a number, got "${v}"`);
    return n;
  }
  bool(name: string): boolean {
    return this.parsed.flags.get(name) === true || this.parsed.flags.get(name) === 'true';
  }
  positional(index: number, what: string): string {
    const v = this.parsed.positionals[index];
    if (v === undefined) throw new LabError(`missing ${what}`);
    return v;
  }
  list(name: string): string[] | undefined {
    const v = this.str(name);
    return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
  }
}
