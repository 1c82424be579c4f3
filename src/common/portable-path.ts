// Paths as shipped files record them (model cards, probe.json, results files, calibration.json):
// never an absolute path of this machine. A relative path stays as given ('/'-separated); an
// absolute path inside `base` (the working folder) becomes relative to it; any other absolute
// path is reduced to its last component (the folder or file name). Pure string work, so it runs
// anywhere; Node callers pass process.cwd() (the default when there is a process).

const isAbsolute = (p: string) => p.startsWith('/') || p.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(p);
const slashes = (p: string) => p.replace(/\\/g, '/');
const trimEnd = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

function defaultBase(): string | undefined {
  const proc = (globalThis as { process?: { cwd?: () => string } }).process;
  return proc?.cwd?.();
}

export function portablePath(p: string, base: string | undefined = defaultBase()): string {
  if (!isAbsolute(p)) return slashes(p);
  const abs = trimEnd(slashes(p));
  if (base !== undefined) {
    const b = trimEnd(slashes(base));
    if (abs === b) return '.';
    if (abs.startsWith(`${b}/`)) return abs.slice(b.length + 1);
  }
  return abs.split('/').filter(Boolean).pop() ?? abs;
}

/** A command line for a card: `npx diffpir <command> <args>`, every absolute path among the args (also `--flag=/path`) made portable. */
export function portableCommand(command: string, argv: readonly string[], base: string | undefined = defaultBase()): string {
  const args = argv.map((a) => {
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) return `${a.slice(0, eq + 1)}${portablePath(a.slice(eq + 1), base)}`;
    return isAbsolute(a) ? portablePath(a, base) : a;
  });
  return ['npx diffpir', command, ...args].join(' ');
}

/** Absolute paths of a machine in a text: the shapes `portablePath` removes (for tests scanning shipped files). */
export const ABSOLUTE_PATH_PATTERN = /(^|[\s"'`(=,:[])(\/(?:work|home|tmp|root|Users|mnt|var|opt|srv|private|data|scratch|media)\/[^\s"'`)]*|[A-Za-z]:\\[^\s"'`)]*)/m;
