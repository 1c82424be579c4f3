// Errors a user can act on. The CLI prints `message` as one line; the UI shows it as is.
// Anything that is not a LabError is a bug and is reported with its stack under --debug.

export class LabError extends Error {
  override name = 'LabError';
  constructor(message: string, readonly code: string = 'invalid-input') {
    super(message);
  }
}

/** The user cancelled a long-running job; not an error to report loudly. */
export class CancelledError extends LabError {
  override name = 'CancelledError';
  constructor(what = 'job') {
    super(`${what} cancelled`, 'cancelled');
  }
}

export function isLabError(e: unknown): e is LabError {
  return e instanceof Error && (e as { name?: string }).name !== undefined && e instanceof LabError;
}

/** Throws a LabError naming the problem when `cond` is false. */
export function check(cond: unknown, message: string | (() => string), code?: string): asserts cond {
  if (!cond) throw new LabError(typeof message === 'function' ? message() : message, code);
}
