// How the page names a model and a clip to the worker, and their short text forms for the URL:
//   model: "student-v1" (shipped, under ./models/), "random-init" / "random-init:tiny" (seeded
//          random weights of a named config), "user:<id>" (loaded by the user, in IndexedDB)
//   clip:  "demo", "corpus:<corpus id>/<clip id>" (e.g. corpus:builtin:tiny:1/train-cla-0001),
//          "upload:<key>" (an uploaded file kept in IndexedDB)
export type ModelRef =
  | { kind: 'shipped'; name: string; /** Absolute URL of the model folder on the app's origin. */ url: string }
  | { kind: 'random-init'; base: string }
  | { kind: 'user'; id: string };

export type ClipRef = { kind: 'demo' } | { kind: 'corpus'; corpus: string; clip: string } | { kind: 'upload'; key: string };

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export function modelRefText(ref: ModelRef): string {
  if (ref.kind === 'shipped') return ref.name;
  if (ref.kind === 'random-init') return ref.base === 'student' ? 'random-init' : `random-init:${ref.base}`;
  return `user:${ref.id}`;
}

/** Parses a model's text form; shipped models get their URL from `modelsBase` (e.g. the page's ./models/). */
export function parseModelRef(text: string, modelsBase: string): ModelRef | null {
  if (text === 'random-init') return { kind: 'random-init', base: 'student' };
  if (text.startsWith('random-init:')) {
    const base = text.slice('random-init:'.length);
    return NAME.test(base) ? { kind: 'random-init', base } : null;
  }
  if (text.startsWith('user:')) {
    const id = text.slice(5);
    return NAME.test(id) ? { kind: 'user', id } : null;
  }
  return NAME.test(text) ? { kind: 'shipped', name: text, url: new URL(`${text}/`, modelsBase).href } : null;
}

export function clipRefText(ref: ClipRef): string {
  if (ref.kind === 'demo') return 'demo';
  if (ref.kind === 'corpus') return `corpus:${ref.corpus}/${ref.clip}`;
  return `upload:${ref.key}`;
}

export function parseClipRef(text: string): ClipRef | null {
  if (text === 'demo') return { kind: 'demo' };
  if (text.startsWith('corpus:')) {
    const rest = text.slice(7);
    const slash = rest.lastIndexOf('/');
    if (slash <= 0 || slash === rest.length - 1) return null;
    return { kind: 'corpus', corpus: rest.slice(0, slash), clip: rest.slice(slash + 1) };
  }
  if (text.startsWith('upload:') && /^[0-9a-f]{16}$/.test(text.slice(7))) return { kind: 'upload', key: text.slice(7) };
  return null;
}

export const sameRef = (a: ModelRef | ClipRef, b: ModelRef | ClipRef) =>
  JSON.stringify(a) === JSON.stringify(b);
