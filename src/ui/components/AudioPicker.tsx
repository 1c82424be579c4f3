// Drop zone plus a file input labelled "Audio file" (the accessible name other tests rely on),
// and a button to go back to the built-in demo clip.
import { useState, type DragEvent } from 'react';
import { useClip } from '../state/clip.ts';

export function AudioPicker() {
  const { loadFile, loadDemo, loading, isDemo } = useClip();
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void loadFile(file);
  };

  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor="audio-file" className="file-label">Audio file</label>
      <input
        id="audio-file"
        type="file"
        accept="audio/*,.wav,.mp3,.ogg,.oga,.flac,.npy"
        aria-describedby="audio-file-hint"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void loadFile(file);
          e.target.value = '';
        }}
      />
      <p id="audio-file-hint" className="hint">
        Drop a WAV, MP3, Ogg Vorbis or FLAC file here, or pick one. It stays on this computer.
      </p>
      {!isDemo && (
        <button type="button" onClick={() => void loadDemo()} disabled={loading}>Show the demo clip</button>
      )}
    </div>
  );
}
