// Bad input gets a clear LabError (or a warning where the clip is still usable), never a crash.
import { describe, expect, it } from 'vitest';
import { LabError } from '../common/errors.ts';
import { encodeNpy } from '../common/npy.ts';
import { decodeAudio, encodeWav, loadAudio16k, MAX_DURATION_SEC } from './index.ts';
import { readAudioFixture, sine } from './test-helpers.ts';

async function failure(bytes: Uint8Array, name = 'clip.wav'): Promise<LabError> {
  try {
    await loadAudio16k(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(LabError);
    return e as LabError;
  }
  throw new Error('expected a LabError');
}

const text = (s: string) => new TextEncoder().encode(s);

describe('bad audio input', () => {
  it('empty file', async () => {
    expect((await failure(new Uint8Array(0), 'empty.wav')).message).toBe('empty.wav: file is empty (0 bytes)');
  });

  it('non-audio bytes', async () => {
    const e = await failure(text('hello, this is a text file and not audio at all'), 'notes.mp3');
    expect(e.message).toMatch(/notes\.mp3: not an audio file the lab can read \(it looks like text\); expected WAV, MP3/);
    const png = await failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'pic.wav');
    expect(png.message).toMatch(/pic\.wav: not an audio file the lab can read \(it is a PNG image\)/);
    const odd = await failure(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]), 'odd.flac');
    expect(odd.message).toMatch(/odd\.flac: not an audio file the lab can read \(its first bytes match no audio format\)/);
    expect(odd.message).not.toMatch(/00 01|bytes \d/);
  });

  it('named but unsupported formats', async () => {
    const m4a = new Uint8Array(32); m4a.set(text('ftypM4A '), 4);
    expect((await failure(m4a, 'a.m4a')).message).toMatch(/MP4\/M4A \(AAC or ALAC\) is not supported; use WAV, MP3/);
    const opus = new Uint8Array(64); opus.set(text('OggS')); opus[26] = 1; opus.set(text('OpusHead'), 28);
    expect((await failure(opus, 'a.opus')).message).toMatch(/Ogg Opus is not supported/);
    const rifx = encodeWav(sine(440, 8000, 0.1), 8000); rifx.set(text('RIFX'));
    expect((await failure(rifx)).message).toMatch(/big-endian WAV \(RIFX\) is not supported/);
    const alaw = encodeWav(sine(440, 8000, 0.1), 8000); alaw[20] = 6;
    expect((await failure(alaw)).message).toMatch(/WAV encoding A-law is not supported/);
  });

  it('zero-length clip', async () => {
    expect((await failure(encodeWav(new Float32Array(0), 44100))).message).toBe('clip.wav: WAV contains no samples (zero-length clip)');
    expect((await failure(encodeNpy(new Float32Array(0), [0]), 'x.npy')).message).toMatch(/zero-length/);
  });

  it('clip too short for one mel frame', async () => {
    expect((await failure(encodeWav(sine(440, 44100, 0.005), 44100))).message).toMatch(/clip is 5\.0 ms long; at least 20 ms are needed/);
  });

  it('silent clip is allowed with a warning', async () => {
    const audio = await loadAudio16k(encodeWav(new Float32Array(8000), 16000), 'quiet.wav');
    expect(audio.samples.length).toBe(8000);
    expect(audio.warnings).toEqual(['quiet.wav: clip is silent (peak all zeros); its log-mel is flat at the floor ln(1e-5)']);
  });

  it('truncated WAV decodes what is there, with a warning', async () => {
    const full = encodeWav(sine(440, 16000, 1), 16000);
    const audio = await loadAudio16k(full.subarray(0, 44 + 16000 + 1), 'cut.wav');
    expect(audio.durationSec).toBeCloseTo(0.5, 6);
    expect(audio.warnings.join('\n')).toMatch(/cut\.wav: truncated WAV: data chunk declares 32000 bytes but only 16001 are present/);
    expect(audio.warnings.join('\n')).toMatch(/ends mid-frame; ignored the last 1 bytes/);
  });

  it('WAV cut inside its header', async () => {
    const full = encodeWav(sine(440, 16000, 1), 16000);
    expect((await failure(full.subarray(0, 8))).message).toMatch(/truncated WAV \(8 bytes/);
    expect((await failure(full.subarray(0, 30))).message).toMatch(/truncated WAV \(file ends inside the fmt chunk\)/);
    expect((await failure(full.subarray(0, 40))).message).toMatch(/no data chunk found/);
  });

  it('truncated and damaged compressed files', async () => {
    const mp3 = readAudioFixture('tone-stereo-44100.mp3');
    const half = await decodeAudio(mp3.subarray(0, mp3.length >> 1), 'half.mp3');
    expect(half.channels[0].length).toBeGreaterThan(0);
    expect(half.channels[0].length).toBeLessThan(22050);
    expect((await failure(mp3.subarray(0, 6), 'tiny.mp3')).message).toMatch(/tiny\.mp3: no audio could be decoded from this MP3 file/);
    // A valid frame header over junk: mpg123 gives what it can (here a silent frame) plus errors.
    const fakeMp3 = new Uint8Array(4000).fill(0x55); fakeMp3.set([0xff, 0xfb, 0x90, 0x00]);
    const junk = await decodeAudio(fakeMp3, 'fake.mp3');
    expect(junk.warnings[0]).toMatch(/fake\.mp3: \d+ MP3 frame\(s\) could not be decoded \(first: .*\); the file may be damaged or truncated/);
    const flac = readAudioFixture('tone-mono-44100.flac');
    expect((await failure(flac.subarray(0, 20), 'tiny.flac')).message).toMatch(/no audio could be decoded from this FLAC file/);
    const ogg = readAudioFixture('tone-mono-48000.ogg');
    expect((await failure(ogg.subarray(0, 100), 'tiny.ogg')).message).toMatch(/no audio could be decoded from this Ogg Vorbis file/);
  });

  it(`clip longer than the ${MAX_DURATION_SEC} s limit`, async () => {
    // 601 s at 1 kHz, 8-bit: small in memory, over the limit in time.
    const bytes = encodeWav(new Float32Array(1000 * (MAX_DURATION_SEC + 1)), 1000);
    expect((await failure(bytes, 'long.wav')).message).toBe('long.wav: clip is 601.0 s long; the limit is 600 s (10 minutes)');
  });

  it('non-finite samples are zeroed with a warning; bad .npy shapes are refused', async () => {
    const x = sine(440, 16000, 0.1); x[5] = Number.NaN; x[9] = Infinity;
    const audio = await loadAudio16k(encodeWav(x, 16000, { encoding: 'float32' }), 'nan.wav');
    expect(audio.warnings).toEqual(['nan.wav: 2 samples were NaN or infinite and were set to 0']);
    expect(audio.samples.every(Number.isFinite)).toBe(true);
    expect((await failure(encodeNpy(new Float32Array(8), [2, 2, 2]), 'x.npy')).message).toMatch(/must have shape \[samples\]/);
  });
});

describe('encodeWav', () => {
  it('round-trips 16-bit PCM and float32, mono and stereo', async () => {
    const left = sine(440, 22050, 0.2), right = sine(880, 22050, 0.2, 0.25);
    const pcm = await decodeAudio(encodeWav([left, right], 22050), 'pcm.wav');
    expect(pcm.channels.length).toBe(2);
    expect(pcm.channels[1].every((v, i) => Math.abs(v - right[i]) < 1 / 32000)).toBe(true);
    const float = await decodeAudio(encodeWav(left, 22050, { encoding: 'float32' }), 'f.wav');
    expect(float.channels[0]).toEqual(left);
  });
});
