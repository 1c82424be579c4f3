// Probe page: choose features (model, data, sigma, tap), a head and training settings; train in
// the worker with live loss and validation F1 curves; stop; see class-wise results; save,
// export and import probes.
import { useBackend } from '../../state/backend.ts';
import { ChartFigure } from '../experiment/ChartFigure.tsx';
import { ProgressLine } from '../experiment/ProgressLine.tsx';
import { headName } from '../experiment/provenance.ts';
import { ProbeResults } from './ProbeResults.tsx';
import { ProbeSettingsForm } from './ProbeSettingsForm.tsx';
import { useProbe } from './probe-state.ts';
import { SavedProbes } from './SavedProbes.tsx';
import { TrainingCurves } from './TrainingCurves.tsx';

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
      {(s.history.length > 0 || s.running) && (
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
