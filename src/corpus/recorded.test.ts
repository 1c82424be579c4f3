// The recorded recipe (2): every class in every split, held-out sources (no source of a test
// clip's parts is used by any training or validation clip), deterministic bytes per source,
// the packed bank's integrity, and clear errors for a missing bank.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IRMAS_CLASSES } from './classes.ts';
import { arrangeSpec, getPreset, planCorpus, summarisePlan } from './plan.ts';
import { localRenderer } from './corpus-render.ts';
import { loadBankNode } from './bank-node.ts';
import { loadSampleBankNode } from './samples/bank-node.ts';
import { checksumBytes } from './checksum.ts';
import { renderCorpus } from './corpus-node.ts';
import { sourcePools } from './sources.ts';
import { BANK_SPEC } from './samples/bank-spec.ts';
import { clipsOf, withMultiLabelSet } from './manifest.ts';

const small = planCorpus(getPreset('small'), 1);

describe('recorded recipe plan', () => {
  it('has every class in every split, one source per label', () => {
    for (const name of ['tiny', 'small']) {
      const s = summarisePlan(planCorpus(getPreset(name), 1));
      for (const split of ['train', 'validation', 'test'] as const) for (const c of IRMAS_CLASSES) expect(s.perClass[split][c], `${name} ${split} ${c}`).toBeGreaterThan(0);
    }
    for (const spec of small) expect(spec.sources?.length).toBe(spec.labels.length);
  });
  it('shares no source between training/validation and test, for every part', () => {
    const used = { train: new Set<string>(), test: new Set<string>() };
    for (const spec of small) {
      const role = spec.split === 'test' ? 'test' : 'train';
      for (const p of arrangeSpec(spec).parts) used[role].add(p.source!);
    }
    const shared = [...used.test].filter((s) => used.train.has(s));
    expect(shared).toEqual([]);
    // Every instrument of the bank recipe is used by the split its role names.
    for (const i of BANK_SPEC.instruments) expect(used[i.role].has(`${i.library}:${i.name}`), `${i.library}:${i.name}`).toBe(true);
  });
  it('gives every class a rotation of sources, recorded ones first', () => {
    const pools = sourcePools();
    for (const c of IRMAS_CLASSES) {
      expect(pools.train[c].length).toBeGreaterThan(0);
      expect(pools.test[c].length).toBeGreaterThan(0);
    }
    expect(pools.train.sax.filter((s) => !s.startsWith('sf:')).length).toBeGreaterThan(0);
  });
});

describe('OpenPIR-like multi-label training set', () => {
  const multi = small.filter((s) => s.multi);
  it('has 120 clips of 1-3 labels in the training split, from training sources, tagged for filtering', () => {
    expect(multi).toHaveLength(120);
    const sizes = multi.map((s) => s.labels.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(3);
    const pools = sourcePools();
    for (const s of multi) {
      expect(s.split).toBe('train');
      expect(new Set(s.labels).size).toBe(s.labels.length);
      s.sources!.forEach((src, i) => expect(pools.train[s.labels[i]]).toContain(src));
      const plan = arrangeSpec(s);
      expect(plan.meta).toMatchObject({ set: 'multi' });
      expect(['yes', 'no']).toContain(plan.meta.drums);
      const labelled = plan.parts.filter((p) => p.labelled).map((p) => p.levelDb);
      expect(Math.max(...labelled) - Math.min(...labelled)).toBeLessThanOrEqual(3);
    }
    for (const c of IRMAS_CLASSES) expect(multi.some((s) => s.labels.includes(c)), c).toBe(true);
  });
  it('is left out of a split unless asked', () => {
    const clip = (id: string, multiSet: boolean) => ({ id, file: `${id}.wav`, split: 'train' as const, labels: ['pia' as const], duration: 3, sampleRate: 16000, meta: (multiSet ? { set: 'multi' } : {}) as Record<string, string> });
    const m = { format: 'diffpir-corpus' as const, version: 2, source: 'rendered' as const, classes: IRMAS_CLASSES, clips: [clip('a', false), clip('b', true)], skipped: [] };
    expect(clipsOf(m, 'train').map((c) => c.id)).toEqual(['a']);
    expect(clipsOf(m, 'train', { withMulti: true }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(withMultiLabelSet(m, false).clips).toHaveLength(1);
  });
});

describe('packed recorded bank', () => {
  const bank = loadSampleBankNode();
  it('indexes every instrument of the recipe with its library and licence', () => {
    expect(bank.index.instruments.map((i) => i.id).sort()).toEqual(BANK_SPEC.instruments.map((i) => `${i.library}:${i.name}`).sort());
    for (const l of bank.index.libraries) expect(['CC0-1.0', 'CC-BY-3.0', 'CC-BY-4.0', 'public-domain']).toContain(l.licence);
  });
  it('names a missing bank folder', () => {
    expect(() => loadSampleBankNode('/no/such/bank')).toThrow(/recorded sample bank not found: \/no\/such\/bank\/bank.json/);
  });
  it('renders the same bytes for a seed, per source (one clip led by each recorded source)', async () => {
    const render = localRenderer({ loadBank: (n) => loadBankNode(n), sampleBank: async () => bank });
    const bySource = new Map<string, (typeof small)[number]>();
    for (const s of small) if (s.sources && !bySource.has(s.sources[0])) bySource.set(s.sources[0], s);
    expect(bySource.size).toBeGreaterThanOrEqual(BANK_SPEC.instruments.length);
    for (const [source, spec] of bySource) {
      const a = await render(spec);
      const b = await render(spec);
      expect(checksumBytes(a.bytes), source).toBe(checksumBytes(b.bytes));
      const lead = a.parts.find((p) => p.labelled)!;
      expect(lead.instrument ?? lead.source, source).toBeTruthy();
      if (!source.startsWith('sf:')) expect(lead.sampleSet, source).toMatch(/pitches/);
    }
  }, 300_000);
  it('stops a recorded render early with a clear error when the bank is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rec-'));
    try {
      await expect(renderCorpus('tiny', { out: dir, sampleBankDir: path.join(dir, 'nope'), only: (id) => id === 'train-cel-0001' })).rejects.toThrow(/recorded sample bank not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
