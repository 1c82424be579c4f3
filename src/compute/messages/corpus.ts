// Corpus requests: `corpusRender` renders the built-in corpus into IndexedDB in the worker
// (resumable, cancellable), `corpusThumbs` makes small log-mel thumbnails of stored clips.
export interface CorpusRenderParams {
  /** "tiny", "small" or "full". */
  preset: string;
  seed: number;
  /** Absolute URL of the app's ./banks/ folder (same origin). */
  bankBase: string;
  /** Render at most this many clips per class and split (and this many test clips). */
  perClassLimit?: number;
}

export interface CorpusRenderResult {
  corpusId: string;
  /** Clips in the stored manifest now, and in the whole preset. */
  clips: number;
  planned: number;
  rendered: number;
  reused: number;
  renderSeconds: number;
  audioSeconds: number;
  wallSeconds: number;
}

export interface CorpusThumbsParams {
  corpus: string;
  clips: string[];
  /** Audio for clips whose bytes are not stored (imported corpora): clip id -> Blob. */
  blobs?: Record<string, Blob>;
  bands?: number;
  columns?: number;
}

export interface CorpusThumb {
  clip: string;
  bands: number;
  columns: number;
  /** 0..255 levels over an 80 dB window below the clip's peak, row-major, lowest band first. */
  levels: Uint8Array;
  durationSec: number;
}

export interface CorpusThumbsResult {
  thumbs: CorpusThumb[];
  /** Clips that could not be read, with why. */
  failed: { clip: string; why: string }[];
}
