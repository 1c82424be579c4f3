// A loaded sample bank: the index plus a byte reader for its .bin files (the file system in
// Node, the app's own origin in a worker). Instruments are decoded on first use (Vorbis ->
// Float32 at the bank's rate) and kept; a missing file or instrument is a LabError naming it.
import { decodeAudio } from '../../audio/decode.ts';
import { LabError } from '../../common/errors.ts';
import type { SampleData, SampledInstrument } from './sampler.ts';
import { parseBankIndex, type PackedInstrument, type SampleBankIndex } from './bank-format.ts';

export type BinReader = (file: string) => Promise<Uint8Array>;

export interface LoadedSampleBank {
  index: SampleBankIndex;
  has(instrumentId: string): boolean;
  info(instrumentId: string): PackedInstrument;
  instrument(instrumentId: string): Promise<SampledInstrument>;
}

export function openSampleBank(indexText: string, readBin: BinReader, name = 'bank.json'): LoadedSampleBank {
  const index = parseBankIndex(indexText, name);
  const byId = new Map(index.instruments.map((i) => [i.id, i]));
  const sampleByName = new Map(index.samples.map((s) => [s.name, s]));
  const libBin = new Map(index.libraries.map((l) => [l.id, l.bin]));
  const bins = new Map<string, Promise<Uint8Array>>();
  const decoded = new Map<string, Promise<SampleData>>();
  const instruments = new Map<string, Promise<SampledInstrument>>();
  const info = (id: string) => {
    const i = byId.get(id);
    if (!i) throw new LabError(`sample bank ${index.name} has no instrument "${id}"`);
    return i;
  };
  const bin = (file: string) => {
    let p = bins.get(file);
    if (!p) {
      p = readBin(file).catch((e) => {
        bins.delete(file);
        throw new LabError(`sample bank ${index.name}: cannot read ${file} (${e instanceof Error ? e.message : String(e)})`);
      });
      bins.set(file, p);
    }
    return p;
  };
  const decodeSample = (name: string) => {
    let p = decoded.get(name);
    if (!p) {
      const s = sampleByName.get(name)!;
      p = (async () => {
        const all = await bin(libBin.get(s.library)!);
        if (s.offset + s.length > all.length) throw new LabError(`sample bank ${index.name}: ${s.name} lies past the end of ${libBin.get(s.library)} (bank damaged or from another build)`);
        const audio = await decodeAudio(all.subarray(s.offset, s.offset + s.length), s.name);
        return { rate: audio.sampleRate, data: audio.channels[0] };
      })();
      decoded.set(name, p);
    }
    return p;
  };
  return {
    index,
    has: (id) => byId.has(id),
    info,
    instrument(id) {
      let p = instruments.get(id);
      if (!p) {
        const inst = info(id);
        p = (async () => {
          const names = [...new Set(inst.regions.map((r) => r.sample))];
          // One at a time: many decoders at once cost a browser far more than they save.
          const datas: SampleData[] = [];
          for (const n of names) datas.push(await decodeSample(n));
          return { id, regions: inst.regions, samples: new Map(names.map((n, i) => [n, datas[i]])) };
        })();
        instruments.set(id, p);
        p.catch(() => instruments.delete(id));
      }
      return p;
    },
  };
}
