// Errors across the worker boundary: LabError and CancelledError keep their identity, anything
// else becomes an "internal" error whose message says it came from the compute worker.
import { CancelledError, LabError } from '../common/errors.ts';
import type { WireError } from './protocol.ts';

export function toWireError(e: unknown): WireError {
  if (e instanceof LabError) return { name: e.name, message: e.message, code: e.code };
  if (e instanceof Error) return { name: e.name || 'Error', message: e.message || String(e), code: 'internal', stack: e.stack };
  const message = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return { name: 'Error', message, code: 'internal' };
}

export function fromWireError(w: WireError): Error {
  if (w.code === 'cancelled') return new CancelledError(w.message.replace(/ cancelled$/, ''));
  if (w.name === 'LabError') return new LabError(w.message, w.code);
  const err = new Error(`compute worker: ${w.message}`);
  if (w.stack) err.stack = w.stack;
  return err;
}
