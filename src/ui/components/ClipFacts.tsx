// Facts about the clip on show: name, duration, original sample rate and channels, the mel's
// size and how long the worker took, and any warnings from decoding.
import type { MelResult } from '../../compute/messages/mel.ts';

const kHz = (hz: number) => `${(hz / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} kHz`;

export function ClipFacts({ clip, isDemo }: { clip: MelResult; isDemo: boolean }) {
  return (
    <>
      <dl className="facts">
        <div><dt>Clip</dt><dd data-testid="clip-name">{clip.fileName}{isDemo ? ' (built-in demo)' : ''}</dd></div>
        <div><dt>Duration</dt><dd data-testid="clip-duration">{clip.durationSec.toFixed(2)} s</dd></div>
        <div><dt>Sample rate</dt><dd data-testid="clip-rate">{kHz(clip.originalSampleRate)} (resampled to 16 kHz)</dd></div>
        <div><dt>Channels</dt><dd data-testid="clip-channels">{clip.originalChannels}{clip.originalChannels > 1 ? ' (mixed to mono)' : ''}</dd></div>
        <div><dt>Log-mel</dt><dd data-testid="clip-mel">{clip.nMels} bands × {clip.frames} frames</dd></div>
        <div><dt>Worker time</dt><dd data-testid="clip-timings">decode {clip.timings.decodeMs.toFixed(0)} ms, mel {clip.timings.melMs.toFixed(0)} ms</dd></div>
      </dl>
      {clip.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {clip.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
    </>
  );
}
