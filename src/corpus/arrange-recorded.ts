// Recipe 2 ("recorded"): dresses an arranged clip for recording. Each labelled part plays from
// its planned source, accompaniment classes from a source of the same split role, bass and
// drums from the clip's SoundFont bank; strings and voices are sometimes doubled (detuned,
// delayed copies); the clip gets a room, a microphone chain and a wider loudness range.
// Uses its own seeded generator, so the arrangement itself is the same as in recipe 1. Recipe 3
// adds a lossy-codec round trip to some clips, drawn from a third stream (render-codec.ts), so
// recipe-3 clips without one render exactly as in recipe 2.
import type { ClipSpec } from './arrange-clip.ts';
import type { ClipPlan } from './arrange-types.ts';
import { isIrmasClass } from './classes.ts';
import { deriveSeed, Rng } from './prng.ts';
import { planCodec } from './render-codec.ts';
import { planMic } from './render-mic.ts';
import { planRoom } from './render-room.ts';
import { roleOfSplit, sourcePools, type SourcePools } from './sources.ts';
import { LabError } from '../common/errors.ts';

const DOUBLED = new Set(['vio', 'cel', 'voi']);

let pools: SourcePools | undefined;

export function dressForRecording(plan: ClipPlan, spec: ClipSpec): ClipPlan {
  pools ??= sourcePools();
  if (!spec.sources || spec.sources.length !== spec.labels.length) throw new LabError(`clip ${spec.id}: recipe 2 needs one source per label`);
  const rng = new Rng(deriveSeed(spec.seed, 'recorded'));
  const role = roleOfSplit(spec.split);
  let labelled = 0;
  const parts = plan.parts.map((p) => {
    const q = { ...p };
    if (p.labelled) q.source = spec.sources![labelled++];
    else if (isIrmasClass(p.class)) q.source = rng.pick(pools![role][p.class]);
    else q.source = `sf:${spec.bank}`;
    if (isIrmasClass(p.class) && DOUBLED.has(p.class) && !q.source.startsWith('sf:') && rng.chance(0.3)) {
      q.doubling = Array.from({ length: rng.int(1, 2) }, () => ({ cents: rng.range(-14, 14), delay: rng.range(0.012, 0.04), gainDb: -rng.range(0, 4) }));
    }
    return q;
  });
  const recipe = spec.recipe ?? 2;
  const codec = recipe >= 3 ? planCodec(spec.seed) : undefined;
  return { ...plan, recipe, parts, room: planRoom(rng), mic: planMic(rng), mixDbfs: -rng.range(14, 30), ...(codec ? { codec } : {}) };
}
