// Sound sources of the recorded-corpus recipe: per class and split role, the sampled
// instruments of the packed bank (src/corpus/samples/bank-spec.ts) and the SoundFont banks.
// Training/validation clips draw only from "train" sources, test clips only from "test"
// sources, so no source is shared between training and test. A source id is
// "sf:<bank>" (SoundFont bank, GM program from the arrangement) or "<library>:<instrument>".
import { IRMAS_CLASSES, type IrmasClass } from './classes.ts';
import { BANK_SPEC } from './samples/bank-spec.ts';
import type { BankSpec, SourceRole } from './samples/bank-spec-types.ts';
import { TEST_BANKS, TRAIN_BANKS } from './bank.ts';
import type { BankName, Split } from './types.ts';

export type SourceId = string;
export type SourcePools = Record<SourceRole, Record<IrmasClass, SourceId[]>>;

export const roleOfSplit = (split: Split): SourceRole => (split === 'test' ? 'test' : 'train');
export const isSoundFontSource = (id: SourceId) => id.startsWith('sf:');
export const soundFontOf = (id: SourceId) => id.slice(3) as BankName;

/** Recorded sources count this many times in a class's rotation, SoundFont banks once. */
const RECORDED_WEIGHT = 2;

export function sourcePools(spec: BankSpec = BANK_SPEC): SourcePools {
  const pools = { train: {}, test: {} } as SourcePools;
  for (const role of ['train', 'test'] as const) {
    for (const cls of IRMAS_CLASSES) {
      const recorded = spec.instruments.filter((i) => i.class === cls && i.role === role).map((i) => `${i.library}:${i.name}`);
      const banks = (role === 'train' ? TRAIN_BANKS : TEST_BANKS).map((b) => `sf:${b}`);
      pools[role][cls] = [...Array.from({ length: RECORDED_WEIGHT }, () => recorded).flat(), ...banks];
    }
  }
  return pools;
}

/** Every distinct source of a class and role (for the manifest summary and the README). */
export function distinctSources(pools: SourcePools, role: SourceRole, cls: IrmasClass): SourceId[] {
  return [...new Set(pools[role][cls])];
}
