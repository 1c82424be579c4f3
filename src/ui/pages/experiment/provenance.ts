// The provenance line under every figure: which model, data, sigma, tap, head and backend made it.
import type { Provenance } from '../../../compute/messages/lab-common.ts';

const HEAD_NAMES: Record<string, string> = { mlp: 'MLP', cnn: 'CNN', crnn: 'CRNN', attention: 'attention' };

export function headName(head: string): string {
  return HEAD_NAMES[head] ?? head;
}

export function provenanceLine(p: Provenance): string {
  const parts = [
    `model ${p.model}`,
    `data ${p.data}`,
    `sigma ${p.sigma ?? 'n/a'}`,
    `tap ${p.tap ?? 'n/a'}`,
    `head ${headName(p.head)}`,
    `backend ${p.backend}`,
  ];
  const seeds = [p.seeds.noise !== undefined ? `noise seed ${p.seeds.noise}` : '', p.seeds.probe !== undefined ? `probe seed ${p.seeds.probe}` : ''].filter(Boolean);
  if (seeds.length) parts.push(seeds.join(', '));
  parts.push(p.at.replace('T', ' ').slice(0, 16));
  return parts.join(' · ');
}
