// A whole split's features as probe inputs: every window of every clip is one example carrying
// its clip's labels (multi-hot over `classes`) and its clip id, so evaluation can aggregate the
// windows of a clip. One extraction serves several taps (one forward per window).
import { LabError } from '../common/errors.ts';
import type { LabelledFeatures } from '../probes/features.ts';
import type { ClipInput, ExtractOptions, FeatureExtractor, FeatureRequest } from './extract.ts';

export interface LabelledClip extends ClipInput {
  labels: readonly string[];
}

/** Per tap: the labelled window features of `clips`, in clip order. */
export async function extractLabelledFeatures(
  extractor: FeatureExtractor,
  clips: readonly LabelledClip[],
  classes: readonly string[],
  request: FeatureRequest,
  opts: ExtractOptions = {},
): Promise<Map<string, LabelledFeatures>> {
  if (clips.length === 0) throw new LabError('features: no clips to extract');
  const k = classes.length;
  const features = await extractor.extract(clips, request, opts);
  const out = new Map<string, LabelledFeatures>();
  for (const tap of new Set(request.taps)) {
    const first = features[0].taps.get(tap)!;
    const per = first.shape.reduce((a, b) => a * b, 1);
    const count = features.reduce((n, f) => n + f.taps.get(tap)!.windows, 0);
    const data = new Float32Array(count * per);
    const labels = new Uint8Array(count * k);
    const clipIds: string[] = [];
    let row = 0;
    features.forEach((f, i) => {
      const entry = f.taps.get(tap)!;
      data.set(entry.data, row * per);
      const hot = new Uint8Array(k);
      for (const l of clips[i].labels) {
        const c = classes.indexOf(l);
        if (c < 0) throw new LabError(`clip ${clips[i].id}: label "${l}" is not one of the classes (${classes.join(', ')})`);
        hot[c] = 1;
      }
      for (let w = 0; w < entry.windows; w++, row++) {
        labels.set(hot, row * k);
        clipIds.push(clips[i].id);
      }
    });
    out.set(tap, { shape: [...first.shape], data, count, labels, clipIds });
  }
  return out;
}
