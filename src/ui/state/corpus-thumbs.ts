// Mel thumbnails of corpus clips, made in the worker on demand (the clips on show) and kept for
// the visit. Also plays a clip (its WAV from IndexedDB, or an imported file) in the page.
import { create } from 'zustand';
import type { CorpusThumb } from '../../compute/messages/corpus.ts';
import { browserCorpusStore } from '../../store/corpus-store.ts';
import { compute } from '../compute.ts';
import { messageOf } from './lab-locations.ts';

interface ThumbState {
  thumbs: Record<string, CorpusThumb>;
  failed: Record<string, string>;
  request(corpus: string, clips: string[], blobs?: Record<string, Blob>): void;
}

const asked = new Set<string>();

export const useThumbs = create<ThumbState>()((set) => ({
  thumbs: {},
  failed: {},
  request(corpus, clips, blobs) {
    const want = clips.filter((c) => !asked.has(`${corpus}/${c}`));
    if (want.length === 0) return;
    for (const c of want) asked.add(`${corpus}/${c}`);
    const pick = blobs ? Object.fromEntries(want.filter((c) => blobs[c]).map((c) => [c, blobs[c]])) : undefined;
    compute().request('corpusThumbs', { corpus, clips: want, blobs: pick }).then(
      (r) => set((s) => ({
        thumbs: { ...s.thumbs, ...Object.fromEntries(r.thumbs.map((t) => [`${corpus}/${t.clip}`, t])) },
        failed: { ...s.failed, ...Object.fromEntries(r.failed.map((f) => [`${corpus}/${f.clip}`, f.why])) },
      })),
      (e) => {
        for (const c of want) asked.delete(`${corpus}/${c}`);
        set((s) => ({ failed: { ...s.failed, [`${corpus}/*`]: messageOf(e) } }));
      },
    );
  },
}));

let playing: { audio: HTMLAudioElement; url: string } | null = null;

/** Plays a clip (stopping the one playing); resolves once playback starts. */
export async function playClip(corpus: string, file: string, blob?: Blob): Promise<void> {
  stopClip();
  const data = blob ?? (await browserCorpusStore().readFile(corpus, file));
  if (!data) throw new Error(`the audio of ${file} is not stored in this browser`);
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
  const audio = new Audio(url);
  playing = { audio, url };
  audio.addEventListener('ended', stopClip, { once: true });
  await audio.play();
}

export function stopClip(): void {
  if (!playing) return;
  playing.audio.pause();
  URL.revokeObjectURL(playing.url);
  playing = null;
}
