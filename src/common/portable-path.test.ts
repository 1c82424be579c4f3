// portablePath / portableCommand, and the shipped model folders hold no absolute path.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABSOLUTE_PATH_PATTERN, portableCommand, portablePath } from './portable-path.ts';
import { REPO_ROOT } from './testing/shared-fixtures.ts';

describe('portablePath', () => {
  it('keeps relative paths, makes paths inside the base relative, and names the rest', () => {
    expect(portablePath('.cache/corpus/small', '/w/repo')).toBe('.cache/corpus/small');
    expect(portablePath('models\\probe', '/w/repo')).toBe('models/probe');
    expect(portablePath('/w/repo/.cache/probe/', '/w/repo')).toBe('.cache/probe');
    expect(portablePath('/w/repo', '/w/repo')).toBe('.');
    expect(portablePath('/w/repo2/x', '/w/repo')).toBe('x');
    expect(portablePath('/data/IRMAS/train/', '/w/repo')).toBe('train');
    expect(portablePath('C:\\Users\\me\\corpus', 'C:\\lab')).toBe('corpus');
    expect(portableCommand('train-probe', ['--corpus', '/w/repo/.cache/c', '--out=/elsewhere/p', '--sigma', '0.2'], '/w/repo'))
      .toBe('npx diffpir train-probe --corpus .cache/c --out=p --sigma 0.2');
  });

  it('recognizes the absolute paths it removes', () => {
    expect(ABSOLUTE_PATH_PATTERN.test('"folder": "/work/main/.cache/x"')).toBe(true);
    expect(ABSOLUTE_PATH_PATTERN.test('Command: `npx diffpir x --corpus /home/u/c`')).toBe(true);
    expect(ABSOLUTE_PATH_PATTERN.test('D:\\corpora\\small')).toBe(true);
    expect(ABSOLUTE_PATH_PATTERN.test('"folder": ".cache/corpus/small-seed1", see https://example.org/work/x')).toBe(false);
  });
});

describe('shipped models', () => {
  it('record no absolute path of the machine that made them (cards, probe.json, results, calibration.json)', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(json|jsonl|md|txt|csv)$/i.test(name)) {
          readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
            const m = ABSOLUTE_PATH_PATTERN.exec(line);
            if (m) found.push(`${path.relative(REPO_ROOT, file)}:${i + 1}: ${m[2]}`);
          });
        }
      }
    };
    walk(path.join(REPO_ROOT, 'models'));
    expect(found).toEqual([]);
  });
});
