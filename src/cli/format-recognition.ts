// The text `diffpir recognize` prints for one result: the header, the verdict ("Predicted: …"
// or "Not sure: no instrument recognized with confidence"), the top 3, the calibration in
// force, the class table and the per-window timeline.
import { UNCALIBRATED_MIN_PROBABILITY, className } from '../features/confidence.ts';
import type { RecognitionResult } from '../features/recognition-types.ts';

/** A probability in 4 characters: " .42", " 1.0". */
const prob2 = (p: number) => (p >= 0.995 ? ' 1.0' : p.toFixed(2).slice(1).padStart(4));

export function formatRecognition(file: string, r: RecognitionResult): string {
  const lines: string[] = [];
  const calibrated = r.decision === 'calibrated';
  const t = typeof r.threshold === 'number' ? r.threshold.toFixed(2) : calibrated ? 'per class (calibrated)' : 'per class';
  lines.push(`${file}: ${r.duration.toFixed(2)} s, ${r.windows.length} window${r.windows.length === 1 ? '' : 's'}; model ${r.model}; probe ${r.probe}; threshold ${t}`);
  const p = (code: string) => {
    const i = r.instruments.find((x) => x.code === code)!;
    return calibrated ? i.calibrated! : i.probability;
  };
  lines.push(r.confidence === 'confident'
    ? `Predicted: ${r.recognized.map((c) => `${className(c)} (${c}, ${p(c).toFixed(2)})`).join(', ')}`
    : 'Not sure: no instrument recognized with confidence');
  lines.push(`Top 3: ${r.top3.map((x) => `${x.code} ${x.probability.toFixed(2)}`).join(', ')} (${calibrated ? 'calibrated' : 'raw'} probabilities)`);
  lines.push(r.calibration
    ? `Calibration: fitted on ${r.calibration.fittedOn} (${r.calibration.clips} clips); ECE there ${r.calibration.eceBefore.toFixed(3)} raw, ${r.calibration.eceAfter.toFixed(3)} calibrated`
    : `Calibration: none (raw probabilities; a class the model's rule names counts from probability ${UNCALIBRATED_MIN_PROBABILITY.toFixed(2)}; \`npx diffpir calibrate\` fits one)`);
  lines.push('', `code  instrument         probability  score${calibrated ? '  calibrated' : ''}  predicted`);
  const order = [...r.instruments].sort((a, b) => (calibrated ? b.calibrated! - a.calibrated! : b.probability - a.probability));
  for (const i of order) {
    const said = r.recognized.includes(i.code) ? 'yes' : i.predicted ? 'weak' : '';
    lines.push(`${i.code.padEnd(4)}  ${className(i.code).padEnd(17)}  ${i.probability.toFixed(3).padStart(11)}  ${i.score.toFixed(3).padStart(5)}` +
      `${calibrated ? `  ${i.calibrated!.toFixed(3).padStart(10)}` : ''}  ${said}`);
  }
  const codes = r.instruments.map((i) => i.code);
  lines.push('', 'Timeline (raw probability per window)', `${'seconds'.padEnd(13)}  ${codes.map((c) => c.padStart(4)).join(' ')}`);
  for (const w of r.windows) {
    const span = `${w.start.toFixed(2)}-${w.end.toFixed(2)}`.padEnd(13);
    lines.push(`${span}  ${codes.map((c) => prob2(w.probabilities[c])).join(' ')}`);
  }
  return lines.join('\n');
}
