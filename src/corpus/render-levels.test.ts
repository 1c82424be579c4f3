// Measured levels of rendered clips: in every training clip of the tiny preset
// the predominant (labelled) part is the loudest by RMS at 16 kHz, at least 3 dB above every
// other part, and every part sits at its planned level; in test clips the labelled parts are
// within 3 dB of each other over quieter accompaniment.
import { describe, expect, it } from 'vitest';
import { loadBankNode } from './bank-node.ts';
import { PRESETS, arrangeSpec, planCorpus } from './plan.ts';
import { renderClip } from './render.ts';

const specs = planCorpus(PRESETS['sf-tiny'], 1);

describe('rendered levels', () => {
  it('make the label the loudest part of every tiny training clip', async () => {
    const train = specs.filter((s) => s.split === 'train');
    expect(train.length).toBe(33);
    for (const spec of train) {
      const plan = arrangeSpec(spec);
      const clip = renderClip(plan, await loadBankNode(plan.bank), { measureParts: true });
      expect(clip.parts[0].class).toBe(spec.labels[0]);
      for (const p of clip.parts) expect(Math.abs(p.measuredDb! - p.gainDb), `${spec.id} ${p.class}`).toBeLessThan(0.2);
      for (const p of clip.parts.slice(1)) expect(p.measuredDb!, `${spec.id} ${p.class}`).toBeLessThanOrEqual(-2.8);
      expect(clip.samples.length).toBe(48000);
      expect(clip.peak).toBeLessThanOrEqual(0.97 + 1e-6);
      expect(clip.rmsDbfs).toBeLessThanOrEqual(plan.mixDbfs + 1e-6);
      expect(clip.rmsDbfs).toBeGreaterThan(-40);
    }
  });

  it('keep test-clip labels within 3 dB of each other and the accompaniment below them', async () => {
    for (const spec of specs.filter((s) => s.split === 'test' && s.labels.length > 1).slice(0, 3)) {
      const plan = arrangeSpec(spec);
      const clip = renderClip(plan, await loadBankNode(plan.bank), { measureParts: true });
      const lab = clip.parts.filter((p) => p.labelled).map((p) => p.measuredDb!);
      expect(clip.parts.filter((p) => p.labelled).map((p) => p.class)).toEqual(spec.labels);
      expect(Math.max(...lab) - Math.min(...lab), spec.id).toBeLessThanOrEqual(3.2);
      for (const p of clip.parts.filter((q) => !q.labelled)) expect(p.measuredDb!, `${spec.id} ${p.class}`).toBeLessThan(Math.min(...lab) - 4.5);
    }
  });
});
