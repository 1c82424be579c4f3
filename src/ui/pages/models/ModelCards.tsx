// The models this lab has: shipped ones (from models/index.json) with their MODEL_CARD.md,
// the random-init controls, and the user's own (stored in this browser, with the card they
// brought or were trained with, deletable).
import { useEffect, useState } from 'react';
import { RANDOM_INIT_OPTIONS, useModels, type ShippedModel } from '../../state/models.ts';
import { messageOf, modelsBase } from '../../state/lab-locations.ts';
import { browserModelStore, type UserModelInfo } from '../../../store/model-store.ts';
import { MODEL_CARD } from '../../../training/modelCard.ts';
import { MarkdownView } from './MarkdownView.tsx';

function unetSummary(config: Record<string, unknown> | null): string {
  const u = (config?.unet ?? config) as Record<string, unknown> | null;
  if (!u || !Array.isArray(u.channels)) return 'config not readable';
  return `${u.dim ?? 2}D U-Net, channels [${(u.channels as number[]).join(', ')}], items [${(u.items as number[] | undefined)?.join(', ') ?? '?'}]`;
}

function Card({ model, badge = 'shipped' }: { model: ShippedModel; badge?: string }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!model.card) return;
    let live = true;
    fetch(new URL(`${model.name}/${model.card}`, modelsBase()))
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t) => live && setText(t), (e) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [model]);
  return (
    <article className="model-card" aria-label={`Model ${model.name}`}>
      <h3>{model.name} <span className="badge">{badge}</span></h3>
      <p className="hint">{badge === 'shipped' ? unetSummary(model.config) : 'Han et al. (2017) CNN, the baseline (scored on the Compare page)'} · {model.files.length} files</p>
      {!model.card && <p className="hint">No model card in this folder.</p>}
      {error && <p className="error" role="alert">{model.name}/{model.card} could not be read ({error})</p>}
      {text && (
        <details open>
          <summary>Model card</summary>
          <MarkdownView source={text} />
        </details>
      )}
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
      {loaded && shipped.length === 0 && <p className="hint">No model is shipped with this build (models/ holds none); the random-init models are always here.</p>}
      <div className="model-cards">
        {shipped.map((m) => <Card key={m.name} model={m} />)}
        {baselines.map((m) => <Card key={m.name} model={m} badge="baseline" />)}
        {RANDOM_INIT_OPTIONS.map((o) => (
          <article className="model-card" key={o.value} aria-label={`Model ${o.value}`}>
            <h3>{o.value} <span className="badge">control</span></h3>
            <p className="hint">{o.label}. Seeded PyTorch-default weights: the control every feature result is compared with.</p>
          </article>
        ))}
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
