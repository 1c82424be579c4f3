// Test-only entry for mel-parity.html: runs the app's own src/audio code in the browser against
// the shared mel fixture and the committed audio fixtures, and publishes the numbers on window.
import { decodeAudio, loadAudio16k, melSpectrogram, toLogMel } from '../../../src/audio/index.ts';
import { parseNpy } from '../../../src/common/npy.ts';

export interface MelParityResult {
  frames: number;
  magnitudeRelError: number;
  logMaxAbsError: number;
  logCompared: number;
  mel10sMs: number;
  decoded: { file: string; format: string; sampleRate: number; channels: number; seconds: number; samples16k: number }[];
  error?: string;
}

const fetchBytes = async (url: string) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
};

async function run(): Promise<MelParityResult> {
  const audio = parseNpy(await fetchBytes('fixtures/mel/audio.npy'));
  const refMag = parseNpy(await fetchBytes('fixtures/mel/mel_magnitude.npy'));
  const refLog = parseNpy(await fetchBytes('fixtures/mel/mel_log.npy'));
  const mel = melSpectrogram(audio.data);
  let num = 0, den = 0;
  for (let i = 0; i < refMag.data.length; i++) { num += (mel.magnitude[i] - refMag.data[i]) ** 2; den += refMag.data[i] ** 2; }
  const log = toLogMel(mel.magnitude);
  let logMax = 0, logCompared = 0;
  for (let i = 0; i < refLog.data.length; i++) {
    if (refMag.data[i] < 1e-3) continue;
    logCompared++;
    logMax = Math.max(logMax, Math.abs(log[i] - refLog.data[i]));
  }

  const tenSeconds = Float32Array.from({ length: 160000 }, (_, i) => 0.3 * Math.sin(i * 0.07) + 0.1 * Math.sin(i * 0.9));
  melSpectrogram(tenSeconds); // warm-up
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    melSpectrogram(tenSeconds);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  const decoded: MelParityResult['decoded'] = [];
  for (const file of ['tone-stereo-44100.mp3', 'tone-mono-48000.ogg', 'tone-stereo-48000.flac', 'tone-mono-16000-s24.wav']) {
    const bytes = await fetchBytes(`audio/${file}`);
    const d = await decodeAudio(bytes, file);
    const a = await loadAudio16k(bytes, file);
    decoded.push({ file, format: d.format, sampleRate: d.sampleRate, channels: d.channels.length, seconds: d.channels[0].length / d.sampleRate, samples16k: a.samples.length });
  }
  return {
    frames: mel.frames,
    magnitudeRelError: Math.sqrt(num / den),
    logMaxAbsError: logMax,
    logCompared,
    mel10sMs: times[2],
    decoded,
  };
}

const w = window as unknown as { melParity?: MelParityResult };
run()
  .then((r) => { w.melParity = r; })
  .catch((e: unknown) => { w.melParity = { error: String(e) } as MelParityResult; })
  .finally(() => { document.getElementById('result')!.textContent = JSON.stringify(w.melParity, null, 1); });
