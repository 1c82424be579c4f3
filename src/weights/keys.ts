// The checkpoint key grammar: which stored tensor names become which canonical keys.
// A DiffusionModel checkpoint holds the UNetV0 three times (`net.`, `diffusion.net.`,
// `sampler.net.`): one copy is read, preferring `net.`; a bare UNetV0 state_dict (no prefix) and
// other wrappers (any prefix in front of the root key `blocks.0.weights`) work too. The shared
// time Linear is stored twice; `blocks.1.blocks.0.0.*` is kept and `blocks.1.blocks.1.0.*` is an
// alias (the reader compares the two). Everything else is listed as ignored.

export const KNOWN_COPY_PREFIXES = ['net.', 'diffusion.net.', 'sampler.net.'] as const;
const ROOT_KEY = 'blocks.0.weights';
export const TIME_LINEAR_PREFIX = 'blocks.1.blocks.0.0.';
export const TIME_LINEAR_ALIAS_PREFIX = 'blocks.1.blocks.1.0.';
const LIST_LIMIT = 8;

export interface StoredTensorInfo {
  name: string;
  dtype: string;
  shape: number[];
}

export interface KeySelection {
  /** The prefix the canonical keys were read from ('' for a bare state_dict). */
  prefix: string;
  /** Canonical key -> stored name, in the order of `entries`. */
  tensors: Map<string, string>;
  /** Stored names of the time-Linear alias and of the tensor it must equal. */
  aliases: { alias: string; main: string }[];
  /** Stored names not used (neither the chosen copy, a duplicate copy nor an alias). */
  ignored: string[];
  warnings: string[];
}

/** Names a list briefly: the first few, then a count. */
export function listBriefly(items: readonly string[], limit = LIST_LIMIT): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown}, and ${items.length - limit} more` : shown;
}

function choosePrefix(names: readonly string[]): { prefix: string; copies: string[] } {
  const anchored = names.filter((n) => n === ROOT_KEY || n.endsWith(`.${ROOT_KEY}`)).map((n) => n.slice(0, n.length - ROOT_KEY.length));
  const rank = (p: string) => {
    const i = (KNOWN_COPY_PREFIXES as readonly string[]).indexOf(p);
    return i >= 0 ? i : KNOWN_COPY_PREFIXES.length + p.length;
  };
  const candidates = [...new Set(anchored)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (candidates.length > 0) return { prefix: candidates[0], copies: candidates.slice(1) };
  const known = KNOWN_COPY_PREFIXES.filter((p) => names.some((n) => n.startsWith(p)));
  if (known.length > 0) return { prefix: known[0], copies: known.slice(1) };
  return { prefix: '', copies: [] };
}

/** Decides, from the header alone, which stored tensor each canonical key is read from. */
export function selectCanonicalKeys(entries: readonly StoredTensorInfo[], file = 'checkpoint'): KeySelection {
  const names = entries.map((e) => e.name);
  const { prefix, copies } = choosePrefix(names);
  // Each name belongs to the longest candidate prefix it starts with ('' matches everything).
  const candidates = [prefix, ...copies].sort((a, b) => b.length - a.length);
  const tensors = new Map<string, string>();
  const copyKeys = new Map<string, Map<string, StoredTensorInfo>>(copies.map((c) => [c, new Map()]));
  const ignored: string[] = [];
  const warnings: string[] = [];
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const e of entries) {
    const owner = candidates.find((c) => e.name.startsWith(c));
    if (owner === undefined) ignored.push(e.name);
    else if (owner === prefix) tensors.set(e.name.slice(prefix.length), e.name);
    else copyKeys.get(owner)!.set(e.name.slice(owner.length), e);
  }
  for (const [copy, keys] of copyKeys) {
    const known = (KNOWN_COPY_PREFIXES as readonly string[]).includes(copy);
    const differing = [...new Set([...keys.keys(), ...tensors.keys()])].filter((k) => {
      const a = keys.get(k);
      const b = tensors.has(k) ? byName.get(tensors.get(k)!) : undefined;
      return !a || !b || a.dtype !== b.dtype || a.shape.join() !== b.shape.join();
    });
    if (differing.length > 0) {
      warnings.push(`${file}: the copy under "${copy}" differs from the one under "${prefix}" in ${differing.length} tensors (${listBriefly(differing)}); using "${prefix}"`);
    } else if (!known) {
      warnings.push(`${file}: also holds a copy of the network under "${copy}" (${keys.size} tensors), not used; reading "${prefix}"`);
    }
  }
  const aliases: KeySelection['aliases'] = [];
  for (const key of [...tensors.keys()]) {
    if (!key.startsWith(TIME_LINEAR_ALIAS_PREFIX)) continue;
    const mainKey = TIME_LINEAR_PREFIX + key.slice(TIME_LINEAR_ALIAS_PREFIX.length);
    const alias = tensors.get(key)!;
    tensors.delete(key);
    const main = tensors.get(mainKey);
    if (main !== undefined) {
      aliases.push({ alias, main });
    } else {
      tensors.set(mainKey, alias);
      warnings.push(`${file}: "${prefix}${mainKey}" is missing; using its alias "${alias}" (the time Linear is shared)`);
    }
  }
  if (ignored.length > 0) warnings.push(`${file}: ${ignored.length} tensors are not part of the network and were ignored: ${listBriefly(ignored)}`);
  return { prefix, tensors, aliases, ignored, warnings };
}
