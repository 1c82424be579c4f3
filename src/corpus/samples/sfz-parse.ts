// SFZ text -> flat regions: each region's opcodes merged from its <global>, <master>, <group>
// and <region> headers (later headers override), with <control> default_path applied to
// `sample`, #define substitution and #include resolved through a callback. Comments (// and
// /* */) are dropped. Values may contain spaces only for `sample` (up to the next opcode), as
// in the SFZ format. No file-system access here: the caller resolves includes.
import { LabError } from '../../common/errors.ts';

export type Opcodes = Record<string, string>;

export interface SfzParseOptions {
  /** Returns the text of an #include'd file (path as written, relative to the sfz file). */
  include?: (path: string) => string;
  /** Name of the file, for error messages. */
  name?: string;
}

const HEADERS = new Set(['control', 'global', 'master', 'group', 'region', 'curve', 'effect', 'midi', 'sample']);

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
}

/** Expands #include and #define wherever they stand (also mid-line, as some libraries write
 *  `<region> #define $KEY 21 lokey=21 #include "Data/sample.txt"`), in text order. */
function preprocess(text: string, opts: SfzParseOptions, defines: Map<string, string>, depth: number): string {
  if (depth > 8) throw new LabError(`${opts.name ?? 'sfz'}: #include nested more than 8 deep`);
  const src = stripComments(text);
  const re = /#define\s+(\$\w+)\s+(\S+)|#include\s+"([^"]+)"/g;
  const subst = (seg: string) => {
    if (defines.size === 0 || !seg.includes('$')) return seg;
    // Longest names first so $FOO does not eat $FOOBAR.
    for (const k of [...defines.keys()].sort((a, b) => b.length - a.length)) seg = seg.split(k).join(defines.get(k)!);
    return seg;
  };
  const out: string[] = [];
  let at = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    out.push(subst(src.slice(at, m.index)));
    at = m.index + m[0].length;
    if (m[1]) defines.set(m[1], subst(m[2]));
    else {
      if (!opts.include) throw new LabError(`${opts.name ?? 'sfz'}: #include "${m[3]}" but no include resolver`);
      out.push(' ', preprocess(opts.include(subst(m[3])), opts, defines, depth + 1), ' ');
    }
  }
  out.push(subst(src.slice(at)));
  return out.join('');
}

/** Splits "key=value key2=value with spaces" where only `sample`-like opcodes may hold spaces. */
function parseOpcodes(body: string, into: Opcodes): void {
  const re = /([A-Za-z0-9_]+)=/g;
  const hits: { key: string; start: number; valueStart: number }[] = [];
  for (let m = re.exec(body); m; m = re.exec(body)) {
    // An opcode name starts at a word boundary preceded by whitespace or the start.
    if (m.index > 0 && !/\s/.test(body[m.index - 1])) continue;
    hits.push({ key: m[1], start: m.index, valueStart: m.index + m[0].length });
  }
  hits.forEach((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1].start : body.length;
    let value = body.slice(h.valueStart, end).trim();
    if (h.key !== 'sample' && h.key !== 'default_path') value = value.split(/\s+/)[0] ?? '';
    into[h.key] = value;
  });
}

/** All <region>s of an SFZ text with inherited opcodes; `sample` has default_path prefixed. */
export function parseSfz(text: string, opts: SfzParseOptions = {}): Opcodes[] {
  const src = preprocess(text, opts, new Map(), 0);
  const tokens = src.split(/<([A-Za-z_]+)>/);
  // tokens: [before, header1, body1, header2, body2, ...]
  const control: Opcodes = {};
  let global: Opcodes = {};
  let master: Opcodes = {};
  let group: Opcodes = {};
  const regions: Opcodes[] = [];
  // Opcodes before the first header (e.g. under a commented-out <master>) are ignored, as players do.
  for (let i = 1; i < tokens.length; i += 2) {
    const header = tokens[i].toLowerCase();
    const body = tokens[i + 1] ?? '';
    if (!HEADERS.has(header)) throw new LabError(`${opts.name ?? 'sfz'}: unknown header <${header}>`);
    const ops: Opcodes = {};
    parseOpcodes(body, ops);
    if (header === 'control') Object.assign(control, ops);
    else if (header === 'global') { global = ops; master = {}; group = {}; }
    else if (header === 'master') { master = ops; group = {}; }
    else if (header === 'group') group = ops;
    else if (header === 'region') {
      const r: Opcodes = { ...global, ...master, ...group, ...ops };
      // Defaults that decide which regions sound with no controller moved (see select-regions.ts).
      for (const [k, v] of Object.entries({ ...control, ...global, ...master })) if (k.startsWith('set_cc') || k === 'sw_default') r[k] ??= v;
      if (r.sample !== undefined) {
        const prefix = control.default_path ?? '';
        r.sample = (prefix + r.sample).replace(/\\/g, '/');
      }
      regions.push(r);
    }
  }
  return regions;
}
