// The clip's shared effects bus: spessasynth's own chorus and reverb, run once on the summed
// (gain-weighted) sends of all parts at the output rate, returned as a mono signal.
import { SpessaSynthProcessor } from 'spessasynth_core';
import type { EffectsPlan } from './arrange-types.ts';

const BLOCK = 128;

// Chorus macro presets 0-3 (feedback, delay, rate, depth), as in the GS chorus macros.
const CHORUS_MACROS: [number, number, number, number][] = [
  [0, 112, 3, 5],
  [5, 80, 9, 19],
  [8, 80, 3, 19],
  [16, 64, 9, 16],
];
// Reverb pre-low-pass per character 0-5.
const REVERB_PRE_LPF = [3, 4, 0, 4, 0, 0];

/** Mono return of chorus(chorusIn) -> reverb(reverbIn), both inputs at `rate`; no chorus input: no chorus. */
export function effectsReturn(reverbIn: Float32Array, chorusIn: Float32Array | undefined, fx: EffectsPlan, rate: number): Float32Array {
  const n = reverbIn.length;
  const host = new SpessaSynthProcessor(rate, { eventsEnabled: false, effectsEnabled: true, maxBufferSize: BLOCK });
  const reverb = host.reverbProcessor;
  reverb.level = fx.reverbLevel;
  reverb.preDelayTime = 0;
  reverb.character = fx.reverbCharacter;
  reverb.preLowpass = REVERB_PRE_LPF[fx.reverbCharacter] ?? 0;
  reverb.time = fx.reverbTime;
  reverb.delayFeedback = 0;
  const chorus = host.chorusProcessor;
  const [feedback, delay, chorusRate, depth] = CHORUS_MACROS[fx.chorusMacro] ?? CHORUS_MACROS[2];
  chorus.level = fx.chorusLevel;
  chorus.preLowpass = 0;
  chorus.feedback = feedback;
  chorus.delay = delay;
  chorus.rate = chorusRate;
  chorus.depth = depth;
  chorus.sendLevelToReverb = 0;
  chorus.sendLevelToDelay = 0;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const revBlock = new Float32Array(BLOCK);
  const choBlock = new Float32Array(BLOCK);
  const delayBlock = new Float32Array(BLOCK);
  for (let pos = 0; pos < n; pos += BLOCK) {
    const count = Math.min(BLOCK, n - pos);
    revBlock.fill(0);
    revBlock.set(reverbIn.subarray(pos, pos + count));
    if (chorusIn) {
      choBlock.fill(0);
      choBlock.set(chorusIn.subarray(pos, pos + count));
      chorus.process(choBlock, left, right, revBlock, delayBlock, pos, count);
    }
    reverb.process(revBlock, left, right, pos, count);
  }
  for (let i = 0; i < n; i++) left[i] = 0.5 * (left[i] + right[i]);
  return left;
}
