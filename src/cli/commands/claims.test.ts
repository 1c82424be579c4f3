// `diffpir claims` on the shipped step-700 sweep of Model A (a real results file): the Markdown answers,
// the JSON, and one-line refusals of a malformed argument and a missing file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'diffpir-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = 'models/model-a/sweep-small-step700.json';

describe('diffpir claims', () => {
  it('answers the per-file claims of a shipped sweep and writes JSON', async () => {
    const out = path.join(dir, 'claims.json');
    const r = await runCli(['claims', `a=${FILE}`, '--json', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/## a: model-a-wip \(probes trained without the multi-label clips\)/);
    expect(r.out).toMatch(/\*\*Bottleneck best\?.*\*\* YES\. best bottleneck tap: d3\.4\.resnet \(val 0\.268, test 0\.245/);
    expect(r.out).toMatch(/\*\*Diffusion features against the Han CNN\?.*\*\* NO\. chosen cell \(mlp, d3\.4\.resnet, sigma 0\.7\) test micro 0\.245 against the Han CNN's 0\.310/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.format).toBe('diffpir-claims');
    expect(json.files[0].answers.map((a: { id: string }) => a.id)).toEqual(['low-noise', 'bottleneck', 'richer-heads', 'beats-control', 'beats-han']);
  });

  it('refuses an argument without a label and a missing file, in one line', async () => {
    const bad = await runCli(['claims', FILE]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/should be <label>=<results\.json>/);
    const missing = await runCli(['claims', 'a=no-such.json']);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/no-such\.json: cannot read it \(ENOENT\)/);
  });
});
