// A corpus split as the Han CNN's input, without Node: each clip's raw log-mel and its multi-hot
// labels over `classes`, read through the clip's own reader (files, IndexedDB, synthesis).
import { logMel } from '../audio/mel.ts';
import { LabError } from '../common/errors.ts';
import { throwIfCancelled, type JobOptions } from '../common/progress.ts';
import type { MelClipLabelled } from './windows.ts';

export interface ReadableLabelledClip {
  id: string;
  labels: readonly string[];
  read(): Promise<Float32Array>;
}

export async function melClipsOf(
  clips: readonly ReadableLabelledClip[], classes: readonly string[], opts: JobOptions & { what?: string } = {},
): Promise<MelClipLabelled[]> {
  const out: MelClipLabelled[] = [];
  for (const [i, c] of clips.entries()) {
    throwIfCancelled(opts.signal, 'log-mels');
    const lm = logMel(await c.read());
    const labels = new Uint8Array(classes.length);
    for (const l of c.labels) {
      const k = classes.indexOf(l);
      if (k < 0) throw new LabError(`clip ${c.id}: label "${l}" is not one of the classes (${classes.join(', ')})`);
      labels[k] = 1;
    }
    out.push({ id: c.id, mel: lm.logMel, frames: lm.frames, labels });
    opts.onProgress?.({ stage: `log-mels${opts.what ? ` (${opts.what})` : ''}`, done: i + 1, total: clips.length });
  }
  return out;
}
