// The models/ Vite plugin's index: only folders with a model.json, their plain files, the card.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listModels } from '../../scripts/vite/models.ts';

describe('models index', () => {
  it('lists model folders with their files, card and config', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'models-'));
    mkdirSync(path.join(root, 'student-v1'));
    writeFileSync(path.join(root, 'student-v1', 'model.json'), '{}');
    writeFileSync(path.join(root, 'student-v1', 'config.json'), '{"name":"student-v1","unet":{}}');
    writeFileSync(path.join(root, 'student-v1', 'MODEL_CARD.md'), '# Student');
    writeFileSync(path.join(root, 'student-v1', 'group1-shard1of1.bin'), 'x');
    mkdirSync(path.join(root, 'half-done'));
    writeFileSync(path.join(root, 'half-done', 'config.json'), '{}');
    writeFileSync(path.join(root, 'README.md'), 'x');
    const list = listModels(root);
    expect(list.map((m) => m.name)).toEqual(['student-v1']);
    expect(list[0].files).toEqual(['MODEL_CARD.md', 'config.json', 'group1-shard1of1.bin', 'model.json']);
    expect(list[0].card).toBe('MODEL_CARD.md');
    expect(list[0].config).toEqual({ name: 'student-v1', unet: {} });
    expect(listModels(path.join(root, 'missing'))).toEqual([]);
  });
});
