// `diffpir bank build`: packs the recorded samples the corpus presets use (the recipe in
// src/corpus/samples/bank-spec.ts) from fetched copies of the libraries into banks/recorded
// (bank.json, one .bin per library, PROVENANCE.md). `diffpir bank info` lists what a bank holds.
import type { Command } from '../command.ts';
import { LabError } from '../../common/errors.ts';
import { BANK_SPEC } from '../../corpus/samples/bank-spec.ts';
import { buildSampleBank } from '../../corpus/samples/bank-build-node.ts';
import { defaultSampleBankDir, loadSampleBankNode } from '../../corpus/samples/bank-node.ts';
import { statSync } from 'node:fs';
import path from 'node:path';

export const bankCommand: Command = {
  name: 'bank',
  summary: 'Build the packed recorded-sample bank from fetched libraries, or list what a bank holds',
  usage: [
    'npx diffpir bank build --mirror <dir of owner+repo git copies> [--out banks/recorded] [--library id=PATH,id2=PATH2]',
    '       npx diffpir bank info [--dir banks/recorded]',
  ].join('\n'),
  async run(args) {
    const verb = args.positional(0, 'build or info');
    if (verb === 'info') {
      const dir = args.str('dir') ?? defaultSampleBankDir();
      const b = loadSampleBankNode(dir);
      let bytes = 0;
      for (const l of b.index.libraries) bytes += statSync(path.join(dir, l.bin)).size;
      console.log(`${b.index.name}: ${b.index.instruments.length} instruments, ${b.index.samples.length} samples, ${(bytes / 1e6).toFixed(1)} MB (${b.index.codec}, ${b.index.sampleRate} Hz)`);
      for (const l of b.index.libraries) console.log(`  ${l.id}: ${l.name} (${l.licence}) ${l.repo}@${l.commit.slice(0, 10)}`);
      for (const i of b.index.instruments) console.log(`  ${i.id.padEnd(34)} ${i.class.padEnd(5)} ${i.sampleSet}`);
      return;
    }
    if (verb !== 'build') throw new LabError(`bank: unknown verb "${verb}" (build or info)`);
    const libraries: Record<string, string> = {};
    for (const kv of args.list('library') ?? []) {
      const eq = kv.indexOf('=');
      if (eq < 1) throw new LabError(`--library takes id=PATH, got "${kv}"`);
      libraries[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const out = args.str('out') ?? defaultSampleBankDir();
    const t0 = performance.now();
    const index = await buildSampleBank({
      spec: BANK_SPEC, out, mirror: args.str('mirror'), libraries,
      onProgress: (p) => console.log(`${p.stage} ${p.done}/${p.total} ${p.detail ?? ''}`),
    });
    let bytes = 0;
    for (const l of index.libraries) bytes += statSync(path.join(out, l.bin)).size;
    console.log(`packed ${index.instruments.length} instruments, ${index.samples.length} samples, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s -> ${out}`);
  },
};
