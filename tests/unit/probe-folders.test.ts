import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProbeFolders } from '../../scripts/vite/probe-folders.ts';

describe('probe folders plugin', () => {
  it('lists folders with probe.json or combination.json (not U-Net model folders) and their plain files', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'probes-'));
    const put = (dir: string, file: string) => {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, file), '{}');
    };
    put('probe-default', 'probe.json');
    put('probe-default', 'weights.bin');
    put('student-v1', 'model.json');
    put('.hidden', 'probe.json');
    put('recognizer', 'combination.json');
    put('recognizer', 'calibration.json');
    expect(listProbeFolders(root)).toEqual([
      { name: 'probe-default', files: ['probe.json', 'weights.bin'] },
      { name: 'recognizer', files: ['calibration.json', 'combination.json'] },
    ]);
    expect(listProbeFolders(path.join(root, 'missing'))).toEqual([]);
  });
});
