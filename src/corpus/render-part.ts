// Renders one part alone on a fresh synthesizer (so every clip renders the same whatever came
// before it): note and controller events applied at their exact sample, dry stereo output, and
// the part's reverb and chorus sends captured (not processed) so the clip can run one shared
// effects bus later. Effects are linear, so each part's send can be summed with gains applied.
import { SpessaSynthProcessor, type ChorusProcessor, type MIDIController, type ReverbProcessor } from 'spessasynth_core';
import type { PartPlan } from './arrange-types.ts';
import type { LoadedBank } from './bank.ts';

const BLOCK = 128;
const DRUM_CHANNEL = 9;

/** A stand-in reverb that records its mono input instead of processing it. */
class ReverbSendCapture implements ReverbProcessor {
  level = 64; preLowpass = 0; character = 4; time = 64; delayFeedback = 0; preDelayTime = 0;
  constructor(private readonly into: Float32Array) {}
  process(input: Float32Array, _l: Float32Array, _r: Float32Array, startIndex: number, sampleCount: number): void {
    this.into.set(input.subarray(0, sampleCount), startIndex);
  }
  getSnapshot() {
    const { level, preLowpass, character, time, delayFeedback, preDelayTime } = this;
    return { level, preLowpass, character, time, delayFeedback, preDelayTime };
  }
}

/** A stand-in chorus that records its mono input instead of processing it. */
class ChorusSendCapture implements ChorusProcessor {
  level = 64; preLowpass = 0; feedback = 0; delay = 80; rate = 3; depth = 19; sendLevelToReverb = 0; sendLevelToDelay = 0;
  constructor(private readonly into: Float32Array) {}
  process(input: Float32Array, _l: Float32Array, _r: Float32Array, _rev: Float32Array, _del: Float32Array, startIndex: number, sampleCount: number): void {
    this.into.set(input.subarray(0, sampleCount), startIndex);
  }
  getSnapshot() {
    const { level, preLowpass, feedback, delay, rate, depth, sendLevelToReverb, sendLevelToDelay } = this;
    return { level, preLowpass, feedback, delay, rate, depth, sendLevelToReverb, sendLevelToDelay };
  }
}

export interface PartAudio {
  /** Dry output, mono (mean of left and right), at the synth rate. */
  dry: Float32Array;
  reverbSend: Float32Array;
  chorusSend: Float32Array;
}

// Event kinds in the order they apply at one sample: releases, then controllers, then attacks.
const OFF = 0, CC = 1, BEND = 2, ON = 3;

/** Events as parallel arrays sorted by sample then kind (stable). */
function buildEvents(part: PartPlan, rate: number, offsetSec: number, n: number): Int32Array[] {
  const rows: [number, number, number, number, number][] = []; // sample, kind, a, b, seq
  const at = (t: number) => Math.round((t + offsetSec) * rate);
  // Same key on one channel: a note ends no later than the next onset of that key.
  const byKey = new Map<number, { on: number; off: number; vel: number }[]>();
  for (const nt of part.notes) {
    // A note already sounding when rendering starts is struck at sample 0 (inside the pre-roll).
    const on = Math.max(0, at(nt.t));
    const off = at(nt.t + nt.d);
    if (on >= n || off <= on) continue;
    const list = byKey.get(nt.key) ?? [];
    list.push({ on, off, vel: nt.vel });
    byKey.set(nt.key, list);
  }
  let seq = 0;
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.on - b.on);
    list.forEach((x, i) => {
      const off = i + 1 < list.length ? Math.min(x.off, list[i + 1].on) : x.off;
      rows.push([x.on, ON, key, x.vel, seq++]);
      if (off < n) rows.push([off, OFF, key, 0, seq++]);
    });
  }
  for (const c of part.controls) {
    const s = Math.max(0, at(c.t));
    if (s >= n) continue;
    if ('bend' in c) rows.push([s, BEND, c.bend, 0, seq++]);
    else rows.push([s, CC, c.cc, c.value, seq++]);
  }
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[4] - y[4]);
  const cols = [0, 1, 2, 3].map(() => new Int32Array(rows.length));
  rows.forEach((r, i) => { for (let c = 0; c < 4; c++) cols[c][i] = r[c]; });
  return cols;
}

/** Renders `n` samples of one part at `rate`, time 0 of the part's plan at sample offsetSec * rate. */
export function renderPart(part: PartPlan, bank: LoadedBank, rate: number, offsetSec: number, n: number): PartAudio {
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const reverbSend = new Float32Array(n);
  const chorusSend = new Float32Array(n);
  const synth = new SpessaSynthProcessor(rate, {
    eventsEnabled: false,
    effectsEnabled: true,
    maxBufferSize: BLOCK,
    reverbProcessor: new ReverbSendCapture(reverbSend),
    chorusProcessor: new ChorusSendCapture(chorusSend),
  });
  synth.soundBankManager.addSoundBank(bank.soundBank, 'main');
  const ch = part.drums ? DRUM_CHANNEL : 0;
  synth.programChange(ch, part.program);
  for (const { cc, value } of part.setup) synth.controllerChange(ch, cc as MIDIController, value);
  const [sample, kind, a, b] = buildEvents(part, rate, offsetSec, n);
  let ei = 0;
  for (let pos = 0; pos < n; ) {
    while (ei < sample.length && sample[ei] <= pos) {
      const k = kind[ei];
      if (k === ON) synth.noteOn(ch, a[ei], b[ei]);
      else if (k === OFF) synth.noteOff(ch, a[ei]);
      else if (k === CC) synth.controllerChange(ch, a[ei] as MIDIController, b[ei]);
      else synth.pitchWheel(ch, a[ei]);
      ei++;
    }
    const next = ei < sample.length ? sample[ei] : n;
    const count = Math.min(BLOCK, next - pos, n - pos);
    synth.process(left, right, pos, count);
    pos += count;
  }
  for (let i = 0; i < n; i++) left[i] = 0.5 * (left[i] + right[i]);
  return { dry: left, reverbSend, chorusSend };
}
