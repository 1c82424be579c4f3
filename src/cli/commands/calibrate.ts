// `diffpir calibrate`: fits per-class Platt scaling and thresholds for a probe or Han CNN folder
// on a labelled validation set (--on: a corpus's validation split, a labels.json folder or an
// IRMAS-style folder), writes calibration.json into the model folder (recognize and score apply
// it from then on) and prints ECE before/after and the thresholds. Test labels are never read:
// on a corpus only the validation split is loaded (--split test or train is refused).
// Pipeline: src/recognition/calibrate-items.ts over src/calibration.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command.ts';
import { fileProgress } from '../file-progress.ts';
import { CALIBRATION_FILE, formatCalibration } from '../../calibration/file.ts';
import type { Calibration } from '../../calibration/types.ts';
import { LabError } from '../../common/errors.ts';
import { initNodeBackend } from '../../compute/node.ts';
import { calibrateOnItems } from '../../recognition/calibrate-items.ts';
import { modelFolderKind, openLabelledFolder, openRecognizer } from '../../recognition/node.ts';
import { existsSync } from 'node:fs';

const f3 = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));

export function formatCalibrationText(modelDir: string, cal: Calibration): string {
  return [
    `${path.join(modelDir, CALIBRATION_FILE)}: Platt scaling per class, fitted on ${cal.fittedOn.name} (${cal.fittedOn.split}, ${cal.fittedOn.clips} clips` +
      `${cal.fittedOn.skipped ? `, ${cal.fittedOn.skipped} skipped` : ''}; content ${cal.fittedOn.contentId})`,
    `ECE (${cal.ece.bins} bins, ${cal.ece.pairs} clip-class pairs, on this set): before ${cal.ece.before.toFixed(3)}, after ${cal.ece.after.toFixed(3)}`,
    `thresholds: F1-maximising on the calibrated probabilities, at least ${cal.thresholdRule.floor}; ties ${cal.thresholdRule.ties}`,
    '', 'class  pos  neg        a        b  threshold  val F1',
    ...cal.classes.map((c) =>
      `${c.code.padEnd(5)}  ${String(c.positives).padStart(3)}  ${String(c.negatives).padStart(3)}  ${c.a.toFixed(3).padStart(7)}  ${c.b.toFixed(3).padStart(7)}  ` +
      `${c.threshold.toFixed(2).padStart(9)}  ${f3(c.validationF1).padStart(6)}${c.note ? `  (${c.note})` : ''}`),
  ].join('\n');
}

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Fit per-class calibration (Platt) and thresholds for a probe, a Han CNN or a combination on a validation set; writes calibration.json into the model folder',
  usage:
    'npx diffpir calibrate <probe dir|Han CNN dir|combination dir> --on <labelled folder|corpus dir> [--split validation] [--floor 0.2]\n' +
    '    [--model <name|dir>] [--cache <dir>] [--backend wasm|cpu]\n' +
    '  --on     the validation set: a corpus (manifest.json; only its validation split is read), a labels.json folder,\n' +
    '           or an IRMAS-style folder (see `npx diffpir score --help`). Never the set you will report test scores on.\n' +
    '  --floor  the lowest threshold a class may get (default 0.2)',
  async run(args) {
    const modelDir = args.positional(0, 'model folder (a probe folder with probe.json or a Han CNN folder with model.json)');
    const on = args.str('on');
    if (on === undefined) throw new LabError('--on <validation set> is required: the labelled folder or corpus to fit the calibration on');
    const split = args.str('split') ?? 'validation';
    if (split !== 'validation') {
      throw new LabError(`calibration is fitted on validation data only; --split ${split} is refused (fitting on test labels would leak them into every later score)`);
    }
    const floor = args.num('floor', 0.2)!;
    if (!(floor >= 0 && floor <= 1)) throw new LabError(`--floor must be in [0, 1], got ${floor}`);
    if (!existsSync(modelDir)) throw new LabError(`${modelDir}: no such folder`);
    const kind = modelFolderKind(modelDir);
    if (kind === 'han' && (args.has('model') || args.has('cache'))) throw new LabError('--model and --cache apply to probes only; the Han CNN reads the log-mel itself');
    const model = { model: args.str('model'), cache: args.str('cache') };
    const folder = openLabelledFolder(on, { split: existsSync(path.join(on, 'manifest.json')) ? 'validation' : undefined, onWarning: (w) => console.error(`warning: ${w}`) });
    for (const w of folder.warnings) console.error(`calibrate: ${w}`);
    await initNodeBackend(args.str('backend'));
    const recognizer = await openRecognizer({
      ...(kind === 'han' ? { han: modelDir } : kind === 'combination' ? { combination: modelDir, ...model } : { probe: modelDir, ...model }),
      uncalibrated: true,
    });
    try {
      const { calibration, skipped } = await calibrateOnItems(folder.items, recognizer, {
        name: folder.name, contentId: () => folder.contentId(), split: folder.split ?? 'labelled folder',
      }, {
        rule: { floor }, created: new Date().toISOString(),
        onProgress: fileProgress('calibrate'),
        onSkip: (s) => console.error(`calibrate: skipped ${s.name}: ${s.why}`),
      });
      if (skipped.length) console.error(`calibrate: ${skipped.length} of ${folder.items.length} files skipped (unreadable); fitted on the other ${calibration.fittedOn.clips}`);
      const file = path.join(modelDir, CALIBRATION_FILE);
      const replaced = existsSync(file);
      await writeFile(file, formatCalibration(calibration));
      console.log(formatCalibrationText(modelDir, calibration));
      console.error(`calibrate: ${replaced ? 'replaced' : 'wrote'} ${file}; \`npx diffpir recognize\` and \`score\` apply it (--uncalibrated to ignore it)`);
    } finally {
      recognizer.dispose();
    }
  },
};
