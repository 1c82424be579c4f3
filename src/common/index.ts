// Public surface of common: LabError and its checks, progress and cancellation of long jobs, .npy
// files, portable paths for shipped files, served-file check. Test-only testing/ is imported by path.
export { CancelledError, LabError, check, isLabError } from './errors.ts';
export { throwIfCancelled } from './progress.ts';
export type { JobOptions, Progress } from './progress.ts';
export { encodeNpy, parseNpy } from './npy.ts';
export type { NpyArray } from './npy.ts';
export { portableCommand, portablePath } from './portable-path.ts';
export { isServedFile } from './served-file.ts';
export type { ServedLike } from './served-file.ts';
