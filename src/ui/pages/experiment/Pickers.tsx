// Labelled <select>s for a model and a corpus (options from lab-options.ts).
import { useEffect, useId } from 'react';
import { useLabOptions } from './lab-options.ts';

export function ModelPicker({ value, onChange, label = 'Model', disabled }: { value: string; onChange(v: string): void; label?: string; disabled?: boolean }) {
  const { models, load } = useLabOptions();
  const id = useId();
  useEffect(() => void load(), [load]);
  const known = models.some((m) => m.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {!known && <option value={value}>{value}</option>}
        {models.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
      </select>
    </div>
  );
}

export function CorpusPicker({ value, onChange, label = 'Data', disabled }: { value: string; onChange(v: string): void; label?: string; disabled?: boolean }) {
  const { corpora, load, error } = useLabOptions();
  const id = useId();
  useEffect(() => void load(), [load]);
  const known = corpora.some((c) => c.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {!known && <option value={value}>{value}</option>}
        {corpora.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
      {error && <span className="hint">{error}</span>}
    </div>
  );
}
