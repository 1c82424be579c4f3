// Worker side: a ClipRef -> 16 kHz samples, their content hash and log-mel, kept for the next
// request (a few clips). Corpus clips and uploads are read from IndexedDB; the demo clip's bytes
// come with the request (the page synthesises it).
import { loadAudio16k } from '../audio/load.ts';
import { logMel, type LogMelSpectrogram } from '../audio/mel.ts';
import { LabError } from '../common/errors.ts';
import { hashFloat32 } from '../features/hash.ts';
import { clipRefText, type ClipRef } from './refs.ts';

export interface OpenedClip {
  ref: string;
  name: string;
  samples: Float32Array;
  /** SHA-256 of the samples (the feature cache and the noise seed use it). */
  hash: string;
  mel: LogMelSpectrogram;
  durationSec: number;
}

export interface ClipReaders {
  corpusClip(corpus: string, clip: string): Promise<{ name: string; bytes: Uint8Array }>;
  upload(key: string): Promise<{ name: string; bytes: Uint8Array }>;
}

const MAX_CLIPS = 6;
const clips = new Map<string, Promise<OpenedClip>>();

async function read(ref: ClipRef, readers: ClipReaders, demoBytes?: ArrayBuffer): Promise<OpenedClip> {
  let src: { name: string; bytes: Uint8Array };
  if (ref.kind === 'demo') {
    if (!demoBytes) throw new LabError('the demo clip needs its bytes in the request');
    src = { name: 'demo-chords.wav', bytes: new Uint8Array(demoBytes) };
  } else if (ref.kind === 'corpus') {
    src = await readers.corpusClip(ref.corpus, ref.clip);
  } else {
    src = await readers.upload(ref.key);
  }
  const audio = await loadAudio16k(src.bytes, src.name);
  const mel = logMel(audio.samples);
  return { ref: clipRefText(ref), name: src.name, samples: audio.samples, hash: await hashFloat32(audio.samples), mel, durationSec: audio.durationSec };
}

/** The clip a ref names (decoded once, then kept). */
export function openClip(ref: ClipRef, readers: ClipReaders, demoBytes?: ArrayBuffer): Promise<OpenedClip> {
  const key = clipRefText(ref);
  let p = clips.get(key);
  if (!p) {
    p = read(ref, readers, demoBytes);
    p.catch(() => clips.delete(key));
  }
  clips.delete(key);
  clips.set(key, p);
  while (clips.size > MAX_CLIPS) clips.delete(clips.keys().next().value!);
  return p;
}
