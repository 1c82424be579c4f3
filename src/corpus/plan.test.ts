// The corpus plan and arrangements, without rendering: counts, label integrity, test-clip
// cardinality, bank separation, class coverage, planned levels, determinism of the plan.
import { describe, expect, it } from 'vitest';
import { coverage } from './arrange-clip.ts';
import { TEST_BANKS, TRAIN_BANKS } from './bank.ts';
import { IRMAS_CLASSES } from './classes.ts';
import { PROFILES } from './instruments.ts';
import { PRESETS, arrangeSpec, getPreset, planCorpus, summarisePlan, type Preset } from './plan.ts';
import { SPLITS } from './types.ts';

describe('corpus plan', () => {
  it('has the preset sizes and every class in every split', () => {
    for (const preset of Object.values(PRESETS) as Preset[]) {
      const s = summarisePlan(planCorpus(preset, 1));
      expect(s.clips.train).toBe(11 * preset.trainPerClass + (preset.multiTrain ?? 0)); // single-label + the multi-label set
      expect(s.clips.validation).toBe(11 * preset.validationPerClass);
      expect(s.clips.test).toBe(preset.testClips);
      for (const split of SPLITS) for (const c of IRMAS_CLASSES) expect(s.perClass[split][c], `${preset.name} ${split} ${c}`).toBeGreaterThan(0);
    }
  });

  it('gives training/validation clips one label and 3 s, test clips 1-3 distinct labels, 5-10 s, ~1.7 on average', () => {
    const specs = planCorpus(PRESETS.small, 7).filter((c) => !c.multi); // the multi-label set: recorded.test.ts
    for (const c of specs) {
      if (c.split === 'test') {
        expect(c.labels.length).toBeGreaterThanOrEqual(1);
        expect(c.labels.length).toBeLessThanOrEqual(3);
        expect(new Set(c.labels).size).toBe(c.labels.length);
        expect(c.duration).toBeGreaterThanOrEqual(5);
        expect(c.duration).toBeLessThanOrEqual(10);
      } else {
        expect(c.labels).toHaveLength(1);
        expect(c.duration).toBe(3);
      }
      for (const l of c.labels) expect(IRMAS_CLASSES).toContain(l);
    }
    expect(summarisePlan(specs).labelsPerTestClip).toBeCloseTo(1.71, 1);
  });

  it('never shares a bank between training/validation and test', () => {
    const specs = planCorpus(PRESETS.small, 3);
    const trainBanks = new Set(specs.filter((c) => c.split !== 'test').map((c) => c.bank));
    const testBanks = new Set(specs.filter((c) => c.split === 'test').map((c) => c.bank));
    expect([...trainBanks].sort()).toEqual([...TRAIN_BANKS].sort());
    expect([...testBanks]).toEqual([...TEST_BANKS]);
    for (const b of testBanks) expect(trainBanks.has(b)).toBe(false);
  });

  it('is a pure function of preset and seed, and train clips do not depend on the preset size', () => {
    expect(planCorpus(PRESETS.tiny, 5)).toEqual(planCorpus(PRESETS.tiny, 5));
    expect(planCorpus(PRESETS.tiny, 5)).not.toEqual(planCorpus(PRESETS.tiny, 6));
    const tinyTrain = planCorpus(PRESETS.tiny, 5).filter((c) => c.split === 'train' && !c.multi);
    const small = new Map(planCorpus(PRESETS.small, 5).map((c) => [c.id, c]));
    for (const c of tinyTrain) expect(small.get(c.id)).toEqual(c);
    expect(JSON.stringify(arrangeSpec(tinyTrain[0]))).toBe(JSON.stringify(arrangeSpec(tinyTrain[0])));
  });

  it('rejects an unknown preset and a bad seed with a clear message', () => {
    expect(() => getPreset('huge')).toThrow(/unknown corpus preset "huge"/);
    expect(() => planCorpus(PRESETS.tiny, -1)).toThrow(/seed/);
  });
});

describe('arrangements', () => {
  const specs = planCorpus(PRESETS.small, 11);

  it('put the labelled classes in labelled parts and the lead first', () => {
    for (const spec of specs.filter((_, i) => i % 4 === 0)) {
      const plan = arrangeSpec(spec);
      const labelled = plan.parts.filter((p) => p.labelled);
      expect(labelled.map((p) => p.class)).toEqual(spec.labels);
      expect(plan.parts[0].role).toBe('lead');
      for (const p of plan.parts.filter((q) => !q.labelled)) expect(spec.labels).not.toContain(p.class);
      expect(plan.parts.length).toBeGreaterThan(labelled.length); // always some accompaniment
    }
  });

  it('plan the lead 3-12 dB above each training part, and test labels within 3 dB over quieter accompaniment', () => {
    for (const spec of specs.filter((c, i) => i % 3 === 0 && !c.multi)) {
      const plan = arrangeSpec(spec);
      const [lead, ...rest] = plan.parts;
      expect(lead.levelDb).toBe(0);
      if (spec.split !== 'test') {
        for (const p of rest) {
          expect(p.levelDb).toBeLessThanOrEqual(-3);
          expect(p.levelDb).toBeGreaterThanOrEqual(-12);
        }
      } else {
        const lab = plan.parts.filter((p) => p.labelled).map((p) => p.levelDb);
        expect(Math.max(...lab) - Math.min(...lab)).toBeLessThanOrEqual(3);
        for (const p of plan.parts.filter((q) => !q.labelled)) expect(p.levelDb).toBeLessThanOrEqual(Math.min(...lab) - 5);
      }
    }
  });

  it('keep notes playable: MIDI ranges, velocities, the lead in its instrument range, and sounding in the clip', () => {
    for (const spec of specs.filter((_, i) => i % 5 === 0)) {
      const plan = arrangeSpec(spec);
      for (const p of plan.parts) {
        expect(p.notes.length).toBeGreaterThan(0);
        for (const n of p.notes) {
          expect(n.key).toBeGreaterThanOrEqual(0);
          expect(n.key).toBeLessThanOrEqual(127);
          expect(n.vel).toBeGreaterThanOrEqual(1);
          expect(n.vel).toBeLessThanOrEqual(127);
          expect(n.d).toBeGreaterThan(0);
        }
      }
      const lead = plan.parts[0];
      if (lead.class !== 'bass' && lead.class !== 'drums') {
        const prof = PROFILES[lead.class];
        // Keyboards and guitars may accompany their own tune lower down (left hand, strums).
        const lo = prof.polyphonic ? 28 : Math.min(...prof.programs.map((c) => (c.range ?? prof.range)[0]));
        const hi = Math.max(...prof.programs.map((c) => (c.range ?? prof.range)[1]));
        for (const n of lead.notes) {
          expect(n.key).toBeGreaterThanOrEqual(lo);
          expect(n.key).toBeLessThanOrEqual(hi);
        }
      }
      // Every labelled part sounds for most of the clip.
      for (const p of plan.parts.filter((q) => q.labelled)) expect(coverage(p.notes, spec.duration), `${spec.id} ${p.class}`).toBeGreaterThanOrEqual(0.6);
    }
  });
});
