// Decoding every supported format from the committed fixtures (tests/fixtures/audio, made by
// make.sh there): rate, channels, duration and the 440 Hz tone after loading at 16 kHz.
import { describe, expect, it } from 'vitest';
import { decodeAudio, loadAudio16k } from './index.ts';
import { readAudioFixture, zeroCrossingHz } from './test-helpers.ts';

interface Case { file: string; format: string; rate: number; channels: number; seconds: number; tolerance: number }

const cases: Case[] = [
  { file: 'tone-mono-22050-s16.wav', format: 'wav', rate: 22050, channels: 1, seconds: 0.5, tolerance: 0 },
  { file: 'tone-stereo-48000-s16.wav', format: 'wav', rate: 48000, channels: 2, seconds: 0.1, tolerance: 0 },
  { file: 'tone-mono-16000-u8.wav', format: 'wav', rate: 16000, channels: 1, seconds: 0.1, tolerance: 0 },
  { file: 'tone-mono-16000-s24.wav', format: 'wav', rate: 16000, channels: 1, seconds: 0.1, tolerance: 0 },
  { file: 'tone-mono-16000-s32.wav', format: 'wav', rate: 16000, channels: 1, seconds: 0.1, tolerance: 0 },
  { file: 'tone-mono-16000-f32.wav', format: 'wav', rate: 16000, channels: 1, seconds: 0.1, tolerance: 0 },
  { file: 'tone-mono-16000-f64.wav', format: 'wav', rate: 16000, channels: 1, seconds: 0.1, tolerance: 0 },
  { file: 'tone-3ch-16000-extensible.wav', format: 'wav', rate: 16000, channels: 3, seconds: 0.1, tolerance: 0 },
  { file: 'tone-mono-22050.mp3', format: 'mp3', rate: 22050, channels: 1, seconds: 0.5, tolerance: 0.03 },
  { file: 'tone-stereo-44100.mp3', format: 'mp3', rate: 44100, channels: 2, seconds: 0.5, tolerance: 0.03 },
  { file: 'tone-mono-48000.ogg', format: 'ogg-vorbis', rate: 48000, channels: 1, seconds: 0.5, tolerance: 0.01 },
  { file: 'tone-stereo-44100.ogg', format: 'ogg-vorbis', rate: 44100, channels: 2, seconds: 0.5, tolerance: 0.01 },
  { file: 'tone-mono-44100.flac', format: 'flac', rate: 44100, channels: 1, seconds: 0.5, tolerance: 0 },
  { file: 'tone-stereo-48000.flac', format: 'flac', rate: 48000, channels: 2, seconds: 0.25, tolerance: 0 },
];

describe('decodeAudio on committed fixtures', () => {
  for (const c of cases) {
    it(`decodes ${c.file}`, async () => {
      const bytes = readAudioFixture(c.file);
      // A misleading name must not matter: the format comes from the bytes.
      const decoded = await decodeAudio(bytes, 'renamed.bin');
      expect(decoded.format).toBe(c.format);
      expect(decoded.sampleRate).toBe(c.rate);
      expect(decoded.channels.length).toBe(c.channels);
      expect(decoded.warnings).toEqual([]);
      const seconds = decoded.channels[0].length / decoded.sampleRate;
      expect(Math.abs(seconds - c.seconds)).toBeLessThanOrEqual(c.tolerance + 1e-9);
      if (c.channels === 2) {
        // Right channel is the tone at half level.
        const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expect(peak(decoded.channels[1]) / peak(decoded.channels[0])).toBeCloseTo(0.5, 1);
      }

      const audio = await loadAudio16k(bytes, c.file);
      expect(audio.sampleRate).toBe(16000);
      expect(audio.originalSampleRate).toBe(c.rate);
      expect(audio.originalChannels).toBe(c.channels);
      expect(audio.samples.length).toBe(Math.ceil((decoded.channels[0].length * 16000) / c.rate));
      const n = audio.samples.length;
      const hz = zeroCrossingHz(audio.samples, 16000, Math.floor(n * 0.15), Math.floor(n * 0.85));
      expect(Math.abs(hz - 440)).toBeLessThan(1);
    });
  }
});
