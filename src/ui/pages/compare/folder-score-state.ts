// Compare's labelled-folder slice: a folder the user chose or dropped (labels.json or IRMAS style,
// read by src/recognition/labelled-files.ts) scored in the worker by the probe Recognize uses and
// by the Han CNN shipped for Recognize, one after the other; either may fail alone; cancel stops.
import { create } from 'zustand';
import type { Progress } from '../../../common/progress.ts';
import type { ScoreFolderResult, ScoreModel } from '../../../compute/messages/score-folder.ts';
import type { SkippedItem } from '../../../recognition/items.ts';
import { labelledFiles, type FolderFile } from '../../../recognition/labelled-files.ts';
import { compute } from '../../compute.ts';
import { appBase } from '../experiment/app-base.ts';
import { probeLabel, hanLabel } from '../recognize/answer-words.ts';
import { ANSWER_KINDS, CANCELLED, type Answer, type AnswerKind } from '../recognize/batch.ts';
import { useRecognize } from '../recognize/recognize-state.ts';

export interface ModelScore extends Answer<ScoreFolderResult> {
  /** "probe-default (shipped) reading U-Net student-v1", "Han CNN han-cnn-recorded". */
  label: string;
}

export interface FolderScoreState {
  folderName: string | null;
  /** Labelled audio files found. */
  fileCount: number;
  layout: 'labels.json' | 'irmas' | null;
  warnings: string[];
  /** Listed in labels.json but not in the folder. */
  missing: SkippedItem[];
  running: boolean;
  current: { kind: AnswerKind; progress: Progress } | null;
  probe: ModelScore | null;
  han: ModelScore | null;
  error: string | null;
  scoreFolder(files: FolderFile[], folderName: string): Promise<void>;
  cancel(): void;
}

let current: AbortController | null = null;
const NOT_SCORED = CANCELLED.replace('recognized', 'scored');

export const useFolderScore = create<FolderScoreState>()((set) => ({
  folderName: null,
  fileCount: 0,
  layout: null,
  warnings: [],
  missing: [],
  running: false,
  current: null,
  probe: null,
  han: null,
  error: null,
  async scoreFolder(files, folderName) {
    current?.abort();
    const abort = new AbortController();
    current = abort;
    const mine = () => current === abort;
    set({ folderName, error: null, probe: null, han: null, warnings: [], missing: [], fileCount: 0, layout: null });
    let found;
    try {
      found = await labelledFiles(files, folderName);
    } catch (e) {
      if (mine()) set({ error: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (!mine()) return;
    if (found.items.length === 0) {
      set({ error: `${folderName}: none of the files labels.json lists is in the folder`, missing: found.missing });
      return;
    }
    const rec = useRecognize.getState();
    if (rec.choices.length === 0) await rec.loadChoices();
    const { choices, probeId, hanFolder } = useRecognize.getState();
    const probe = choices.find((c) => c.id === probeId);
    const models: Record<AnswerKind, { label: string; model: ScoreModel | null }> = {
      probe: {
        label: probe ? probeLabel(probe.name, probe.model) : 'no probe available',
        model: probe ? { kind: 'probe', name: probe.name, json: probe.files.json, weights: probe.files.weights, calibration: probe.calibration, folder: probe.folder } : null,
      },
      han: { label: hanLabel(hanFolder), model: { kind: 'han', folder: hanFolder } },
    };
    set({
      fileCount: found.items.length, layout: found.layout, warnings: found.warnings, missing: found.missing, running: true,
      probe: { status: 'waiting', label: models.probe.label }, han: { status: 'waiting', label: models.han.label },
    });
    const items = found.items.map((i) => ({ name: i.name, labels: i.labels, file: i.file }));
    for (const kind of ANSWER_KINDS) {
      const { label, model } = models[kind];
      if (abort.signal.aborted) {
        set({ [kind]: { status: 'cancelled', error: NOT_SCORED, label } });
        continue;
      }
      set({ [kind]: { status: 'running', label }, current: { kind, progress: { stage: 'starting', done: 0, total: items.length } } });
      try {
        if (!model) throw new Error('No probe to score with: train one on the Probe page, or import probe files on the Recognize page.');
        // The stored probe weights stay here; the worker gets a copy.
        const params = { items, folderName, appBase: appBase(), model: model.kind === 'probe' ? { ...model, weights: model.weights.slice(0) } : model };
        const result = await compute().request('scoreFolder', params, {
          signal: abort.signal, onProgress: (progress) => mine() && set({ current: { kind, progress } }),
        });
        if (mine()) set({ [kind]: { status: 'done', result, label } });
      } catch (e) {
        if (!mine()) return;
        if (abort.signal.aborted) set({ [kind]: { status: 'cancelled', error: NOT_SCORED, label } });
        else set({ [kind]: { status: 'failed', error: e instanceof Error ? e.message : String(e), label } });
      }
    }
    if (mine()) set({ running: false, current: null });
  },
  cancel() {
    current?.abort();
  },
}));
