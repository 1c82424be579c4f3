// PROVENANCE.md of a packed sample bank: per library its licence, attribution, repository and
// commit; per instrument its class, role (train or held-out test) and sample set; and every
// packed sample's original path. Also the short attribution lines the Data page shows.
import type { SampleBankIndex } from './bank-format.ts';
import type { BankSpec } from './bank-spec-types.ts';

export function attributionLines(index: SampleBankIndex): string[] {
  return index.libraries.map((l) => `${l.name} (${l.licence}): ${l.attribution}. From ${l.repo} at ${l.commit.slice(0, 10)}.`);
}

export function provenanceMarkdown(index: SampleBankIndex, spec: BankSpec): string {
  const role = new Map(spec.instruments.map((i) => [`${i.library}:${i.name}`, i.role]));
  const lines = [
    `# ${index.name}: provenance and licences`,
    '',
    'Recorded instrument samples packed by `npx diffpir bank build` (mono, resampled to',
    `${index.sampleRate} Hz, trimmed, Ogg Vorbis quality ${spec.quality}). Only CC0, public-domain or CC-BY material.`,
    '',
    '## Libraries',
    '',
    '| library | licence | attribution | repository | commit | licence stated in |',
    '|---|---|---|---|---|---|',
    ...index.libraries.map((l) => {
      const s = spec.libraries.find((x) => x.id === l.id)!;
      return `| ${l.name} | ${l.licence} | ${l.attribution} | ${l.repo} | ${l.commit} | ${s.licenceFile} |`;
    }),
    '',
    '## Instruments',
    '',
    '| instrument | class | split role | from | sample set |',
    '|---|---|---|---|---|',
    ...index.instruments.map((i) => `| ${i.id} | ${i.class} | ${role.get(i.id) ?? '?'} | ${i.name} | ${i.sampleSet} |`),
    '',
    '## Samples (original paths)',
    '',
    ...index.samples.map((s) => `- ${s.library}: ${s.origin}`),
    '',
  ];
  return lines.join('\n');
}
