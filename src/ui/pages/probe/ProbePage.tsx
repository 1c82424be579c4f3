// Probe page: choose features (model, data, sigma, tap), a head and training settings; train in
// the worker with live loss and validation F1 curves (a message while features are extracted,
// before the first epoch); stop, which is not an error: the curves stay and the page says it
// stopped; see class-wise results; save, export and import probes.
import { useBackend } from '../../state/backend.ts';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { headName } from '../experiment/provenance.ts';
import { ProbeResults } from './ProbeResults.tsx';
import { ProbeSettingsForm } from './ProbeSettingsForm.tsx';
import { useProbe } from './probe-state.ts';
import { SavedProbes } from './SavedProbes.tsx';
import { TrainingCurves } from './TrainingCurves.tsx';

function stoppedText(s: { epochs: number; during: string; scored: boolean }): string {
  if (s.epochs === 0) return `Stopped while ${s.during === 'starting' ? 'starting' : s.during}, before the first epoch: nothing was trained. Features extracted so far are cached, so the next run starts faster.`;
  return `Stopped by you after ${s.epochs} epoch${s.epochs === 1 ? '' : 's'}. The curves so far are kept below${s.scored ? '; the probe keeps its best epoch so far, scored on the test split below' : ''}.`;
}

export function ProbePage() {
  const s = useProbe();
  const backend = useBackend((b) => b.choice?.name ?? 'starting');
  const live = `model ${s.model} · data ${s.corpus} · sigma ${s.sigma} · tap ${s.tap} · head ${headName(s.head)} · backend ${backend} · seed ${s.seed}`;
  return (
    <section className="probe-page" aria-labelledby="probe-heading">
      <h2 id="probe-heading">Train a probe</h2>
      <p className="hint">
        Features are the U-Net&rsquo;s activations at a tap, after noising the clip&rsquo;s log-mel at sigma and one denoising step.
        The head learns the instruments from them; the threshold is chosen on the validation split and the test split is scored once.
      </p>
      <ProbeSettingsForm />
      {s.running && <ProgressLine label="Probe training progress" progress={s.progress} extra={s.stopping ? 'stopping after this batch…' : undefined} />}
      {s.error && <p role="alert" className="error">{s.error}</p>}
      {s.running && s.history.length === 0 && (
        <p className="message" role="status" data-testid="probe-waiting">
          {s.progress?.stage === 'extracting features'
            ? 'Extracting features: the U-Net reads every clip at this noise level and tap (cached for next time). The curves start with the first epoch.'
            : 'Getting ready: loading the model and the clips. The curves start with the first epoch.'}
        </p>
      )}
      {s.stopped && <p className="message" role="status" data-testid="probe-stopped">{stoppedText(s.stopped)}</p>}
      {s.history.length > 0 && (
        <ChartFigure title="Training curves" provenance={[s.result ? live.replace(/backend \S+/, `backend ${s.result.provenance.backend}`) : live]}
          json={() => s.history} csv={() => ['epoch,train_loss,val_loss,val_micro_f1', ...s.history.map((e) => `${e.epoch},${e.trainLoss},${e.valLoss},${e.valMicroF1}`)].join('\n') + '\n'}>
          <TrainingCurves epochs={s.history} />
        </ChartFigure>
      )}
      {s.result && <ProbeResults result={s.result} />}
      <SavedProbes />
    </section>
  );
}
