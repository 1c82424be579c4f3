// The models this lab has: shipped ones (from models/index.json) with their MODEL_CARD.md, the
// shipped probe (models/probe-default/) with its card, the random-init controls, and the user's
// own (stored in this browser, with the card they brought or were trained with, deletable). A
// folder with a calibration.json also shows its reliability diagram (CalibrationPanel).
import { useEffect, useState, type ReactNode } from 'react';
import { CONTROL_MEANING, controlId, controlLabel } from '../../naming.ts';
import { TINY_RANDOM, useModels, type ShippedModel } from '../../state/models.ts';
import { SHIPPED_PROBE_DIR } from '../recognize/shipped-probe.ts';
import { SHIPPED_RECOGNIZER_DIR } from '../recognize/shipped-recognizer.ts';
import { messageOf, modelsBase } from '../../state/lab-locations.ts';
import { browserModelStore, type UserModelInfo } from '../../../store/model-store.ts';
import { MODEL_CARD } from '../../../training/modelCard.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';
import { MarkdownView } from './MarkdownView.tsx';

function unetSummary(config: Record<string, unknown> | null): string {
  const u = (config?.unet ?? config) as Record<string, unknown> | null;
  if (!u || !Array.isArray(u.channels)) return 'config not readable';
  return `${u.dim ?? 2}D U-Net, channels [${(u.channels as number[]).join(', ')}], items [${(u.items as number[] | undefined)?.join(', ') ?? '?'}]`;
}

/** Fetches a card's text from the app's own origin (null until read; the error when it cannot be). */
function useCardText(url: string | null): { text: string | null; error: string | null } {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t) => live && setText(t), (e) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [url]);
  return { text, error };
}

function CardBody({ file, text, error }: { file: string; text: string | null; error: string | null }) {
  return (
    <>
      {error && <p className="error" role="alert">{file} could not be read ({error})</p>}
      {text && (
        <details open>
          <summary>Model card</summary>
          <MarkdownView source={text} />
        </details>
      )}
    </>
  );
}

function Card({ model, badge = 'shipped' }: { model: ShippedModel; badge?: string }) {
  const { text, error } = useCardText(model.card ? new URL(`${model.name}/${model.card}`, modelsBase()).href : null);
  return (
    <article className="model-card model-card-wide" aria-label={`Model ${model.name}`}>
      <h3>{model.name} <span className="badge">{badge}</span></h3>
      <p className="hint">{badge === 'shipped' ? unetSummary(model.config) : 'Han et al. (2017) CNN, the baseline (scored on the Compare page)'} · {model.files.length} files</p>
      {!model.card && <p className="hint">No model card in this folder.</p>}
      <CardBody file={`${model.name}/${model.card}`} text={text} error={error} />
      {model.files.includes('calibration.json') && <CalibrationPanel folder={model.name} url={new URL(`${model.name}/calibration.json`, modelsBase()).href} />}
    </article>
  );
}

/** A shipped folder that is not a U-Net (a probe, a combination) with its card and its calibration's reliability. */
function ShippedFolderCard({ dir, name, card, badge, children }: { dir: string; name: string; card: string; badge: string; children: ReactNode }) {
  const { text, error } = useCardText(new URL(`${dir}${card}`, document.baseURI).href);
  if (error?.includes('HTTP 404')) return null;
  return (
    <article className="model-card model-card-wide" aria-label={`Model ${name}`}>
      <h3>{name} <span className="badge">{badge}</span></h3>
      <p className="hint">{children}</p>
      <CardBody file={`${name}/${card}`} text={text} error={error} />
      <CalibrationPanel folder={name} url={new URL(`${dir}calibration.json`, document.baseURI).href} />
    </article>
  );
}

/** The MODEL_CARD.md a user model brought (a trained or imported folder), read from this browser. */
function UserModelCard({ info }: { info: UserModelInfo }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!info.files.includes(MODEL_CARD)) return;
    let live = true;
    const store = browserModelStore();
    store.files(info).read(MODEL_CARD).then((b) => live && setText(new TextDecoder().decode(b)), () => live && setText(null));
    return () => {
      live = false;
    };
  }, [info]);
  return text ? (
    <details>
      <summary>Model card</summary>
      <MarkdownView source={text} />
    </details>
  ) : null;
}

export function ModelCards() {
  const { shipped, baselines, user, loaded, error, remove } = useModels();
  return (
    <section aria-labelledby="models-list-heading">
      <h2 id="models-list-heading">Models</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {loaded && shipped.length === 0 && <p className="hint">No model is shipped with this build (models/ holds none); random-init:tiny is always here.</p>}
      <div className="model-cards-wide">
        {shipped.map((m) => <Card key={m.name} model={m} />)}
        <ShippedFolderCard dir={SHIPPED_RECOGNIZER_DIR} name="recognizer" card="card.md" badge="shipped recognizer">
          What Recognize answers first for every file and <code>npx diffpir recognize --combination models/recognizer</code> uses: the shipped probe and Han CNN combined, calibrated as one model.
        </ShippedFolderCard>
        <ShippedFolderCard dir={SHIPPED_PROBE_DIR} name="probe-default" card="MODEL_CARD.md" badge="shipped probe">
          The probe the Recognize page and <code>npx diffpir recognize</code> use: a head trained on a U-Net&rsquo;s activations.
        </ShippedFolderCard>
        {baselines.map((m) => <Card key={m.name} model={m} badge="baseline" />)}
      </div>
      <div className="model-cards">
        {shipped.map((m) => (
          <article className="model-card" key={m.name} aria-label={`Model ${controlId(m.name)}`}>
            <h3>{controlLabel(m.name)}</h3>
            <p className="hint">{m.name}&rsquo;s control: {CONTROL_MEANING}.</p>
          </article>
        ))}
        <article className="model-card" aria-label={`Model ${TINY_RANDOM.value}`}>
          <h3>{TINY_RANDOM.value} <span className="badge">random weights</span></h3>
          <p className="hint">A tiny U-Net (4-16 channels) with seeded random weights: seconds per run, for trying the pages out.</p>
        </article>
        {user.map((m) => (
          <article className="model-card" key={m.id} aria-label={`Model ${m.name}`}>
            <h3>{m.name} <span className="badge">yours</span></h3>
            <p className="hint">{unetSummary(m.configJson)} · {m.origin} · {(m.bytes / 1e6).toFixed(1)} MB in this browser · added {m.added.slice(0, 10)}</p>
            <UserModelCard info={m} />
            <button type="button" onClick={() => void remove(m.id)} aria-label={`Delete ${m.name} from this browser`}>Delete</button>
          </article>
        ))}
      </div>
    </section>
  );
}
