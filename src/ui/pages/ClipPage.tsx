// The first page: pick or drop an audio file (the demo clip is there on first load) and see its
// waveform and log-mel with its duration, sample rate and channels.
import { useCallback, useEffect } from 'react';
import { AudioPicker } from '../components/AudioPicker.tsx';
import { ClipFacts } from '../components/ClipFacts.tsx';
import { LoadStatus } from '../components/LoadStatus.tsx';
import { ColourLegend } from '../components/ColourLegend.tsx';
import { MelView } from '../components/MelView.tsx';
import { WaveformView } from '../components/WaveformView.tsx';
import { useClip } from '../state/clip.ts';
import { markOnce } from '../timing.ts';

export function ClipPage() {
  const { clip, isDemo, loadDemo } = useClip();

  useEffect(() => {
    if (!useClip.getState().clip && !useClip.getState().loading) void loadDemo();
  }, [loadDemo]);

  const onMelDrawn = useCallback(() => markOnce('mel-drawn'), []);

  return (
    <section className="clip-page" aria-labelledby="clip-heading">
      <h2 id="clip-heading">Look at a clip</h2>
      <AudioPicker />
      <LoadStatus />
      {clip && (
        <article className="clip" aria-label={`Clip ${clip.fileName}`}>
          <ClipFacts clip={clip} isDemo={isDemo} />
          <h3>Waveform</h3>
          <WaveformView waveform={clip.waveform} label={`Waveform of ${clip.fileName}`} />
          <h3>Log-mel spectrogram</h3>
          <MelView
            logMel={clip.logMel}
            nMels={clip.nMels}
            frames={clip.frames}
            durationSec={clip.durationSec}
            label={`Log-mel spectrogram of ${clip.fileName}: ${clip.nMels} mel bands by ${clip.frames} frames`}
            onDrawn={onMelDrawn}
          />
          <ColourLegend scale="mel" low="80 dB below" high="the clip's peak" quantity="log-mel level" />
          <p className="hint">128 HTK mel bands from 0 to 8 kHz, 20 ms hop; colour spans 80 dB below the clip&rsquo;s peak.</p>
        </article>
      )}
    </section>
  );
}
