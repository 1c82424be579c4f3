import { describe, expect, it } from 'vitest';
import type { CorpusListing } from '../../../store/corpus-store.ts';
import { renderStatus } from './render-status.ts';

const tiny = (n: number) => ({ id: 'builtin:tiny:1', manifest: { clips: Array.from({ length: n }) } }) as unknown as CorpusListing;
const idle = { running: false, preset: null, clips: null, progress: null, stopped: false, result: null };

describe('Data page status line', () => {
  it('keeps the clip count in view while a sound bank loads', () => {
    const clips = { stage: 'rendering clips', done: 30, total: 52 };
    expect(renderStatus({ ...idle, running: true, preset: 'tiny', clips, progress: { stage: 'loading sound bank', done: 0, total: 0, detail: 'TimGM6mb' } }, []))
      .toBe('Rendering tiny: 30 of 52 clips rendered and stored · loading sound bank TimGM6mb.');
  });
  it('says a stop is a stop, and what is stored', () => {
    expect(renderStatus({ ...idle, preset: 'tiny', stopped: true }, [tiny(12)])).toMatch(/^Stopped: 12 clips of tiny are stored and kept/);
    expect(renderStatus(idle, [])).toBe('Nothing rendered in this browser yet.');
    expect(renderStatus(idle, [tiny(52)])).toBe('Stored here: tiny (52 clips).');
  });
});
