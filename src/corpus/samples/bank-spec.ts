// The recipe of the packed recorded bank (banks/recorded): which openly licensed libraries and
// which of their instruments it holds, how much of each, and each instrument's split role
// (train: training and validation clips; test: held out, test clips only). Licences were read
// from each repository; see banks/recorded/PROVENANCE.md for the commit of every sample.
import type { BankSpec } from './bank-spec-types.ts';

export const BANK_SPEC: BankSpec = {
  name: 'recorded',
  sampleRate: 22050,
  quality: 2,
  libraries: [],
  instruments: [],
};
