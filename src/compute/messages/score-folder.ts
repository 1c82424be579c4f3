// `scoreFolder`: a labelled folder's files (Blobs, read one at a time in the worker) scored by one
// model, the probe (its files, as for `recognize`) or a Han CNN folder served under models/, with
// src/recognition's scoreFolder, the pipeline of `npx diffpir score`.
import type { HanSummary } from '../../baseline/summary.ts';
import type { FolderScore } from '../../recognition/score-folder.ts';
import type { ModelFilesPayload } from './lab-common.ts';

export type ScoreModel =
  | ({ kind: 'probe'; name: string; calibration?: string | null; folder?: string } & ModelFilesPayload)
  | { kind: 'han'; folder: string };

export interface ScoreFolderParams {
  items: { name: string; labels: string[]; file: Blob }[];
  folderName: string;
  appBase: string;
  model: ScoreModel;
}

export interface ScoreFolderResult {
  score: FolderScore;
  /** The U-Net a probe reads (null for the Han CNN). */
  unet: string | null;
  /** The Han CNN's model.json figures (null for a probe). */
  han: ({ folder: string } & HanSummary) | null;
  backend: string;
  seconds: number;
}
