// Test helper: a tiny on-disk corpus of synthetic tone clips (src/corpus/synthetic-tones.ts)
// whose test clips name the sources of their parts, for score-han and its --by source groups.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeWav } from '../audio/wav-encode.ts';
import type { IrmasClass } from '../corpus/classes.ts';
import { makeManifest } from '../corpus/manifest.ts';
import { synthesiseToneClip } from '../corpus/synthetic-tones.ts';
import type { BankName, ClipRecord, PartRecord, Split } from '../corpus/types.ts';

const part = (cls: PartRecord['class'], source: string | undefined, labelled = true): PartRecord =>
  ({ class: cls, role: labelled ? 'lead' : 'bass', program: 0, gainDb: 0, labelled, ...(source ? { source } : {}) });

/**
 * Test clips: t1 cel (sf, with an unlabelled lib bass), t2 flu+pia (sf and lib), t3 org (lib),
 * t4 voi (no parts), t5 sax (recipe 1: no part source, bank TimGM6mb); one validation clip.
 */
export const SOURCED_TEST_CLIPS: { id: string; split: Split; labels: IrmasClass[]; parts?: PartRecord[]; bank?: BankName }[] = [
  { id: 't1', split: 'test', labels: ['cel'], parts: [part('cel', 'sf:FluidR3Mono_GM'), part('bass', 'lib:bass', false)] },
  { id: 't2', split: 'test', labels: ['flu', 'pia'], parts: [part('flu', 'sf:FluidR3Mono_GM'), part('pia', 'lib:salamander')] },
  { id: 't3', split: 'test', labels: ['org'], parts: [part('org', 'lib:salamander')] },
  { id: 't4', split: 'test', labels: ['voi'] },
  { id: 't5', split: 'test', labels: ['sax'], parts: [part('sax', undefined)], bank: 'TimGM6mb' },
  { id: 'v1', split: 'validation', labels: ['gac'], parts: [part('gac', 'sf:FluidR3Mono_GM')] },
];

/** Writes the clips (2 s each, 16 kHz wav) and manifest.json into `dir`. */
export async function writeSourcedToneCorpus(dir: string, seconds = 2): Promise<void> {
  const clips: ClipRecord[] = [];
  for (const [i, c] of SOURCED_TEST_CLIPS.entries()) {
    await mkdir(path.join(dir, c.split), { recursive: true });
    const file = `${c.split}/${c.id}.wav`;
    await writeFile(path.join(dir, file), encodeWav(synthesiseToneClip(c.labels, seconds, c.split, 100 + i), 16000));
    clips.push({ id: c.id, file, split: c.split, labels: c.labels, duration: seconds, sampleRate: 16000, ...(c.parts ? { parts: c.parts } : {}), ...(c.bank ? { bank: c.bank } : {}) });
  }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(makeManifest('rendered', clips, [])));
}
