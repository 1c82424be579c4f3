// Test-only (Node): where the shared PyTorch fixtures are. Spec: `../shared/fixtures` beside the
// repository. A clone elsewhere (CI may clone to a temporary folder) finds them through
// DIFFPIR_SHARED_FIXTURES, a `shared/fixtures` beside any folder above the repo, or /work/shared.
// Never a skip: when none exists, the path of the first candidate is returned and the tests that
// read it fail with a message naming it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sharedFixtureCandidates(root = REPO_ROOT, env = process.env): string[] {
  const out: string[] = [];
  if (env.DIFFPIR_SHARED_FIXTURES) out.push(path.resolve(env.DIFFPIR_SHARED_FIXTURES));
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    out.push(path.join(dir, 'shared', 'fixtures'));
    if (path.dirname(dir) === dir) break;
  }
  out.push('/work/shared/fixtures');
  return out;
}

/** The shared fixtures folder (`../shared/fixtures` for a normal checkout). */
export const SHARED_FIXTURES: string = (() => {
  const all = sharedFixtureCandidates();
  const found = all.find((p) => existsSync(path.join(p, 'unet-2d', 'config.json')));
  return found ?? path.resolve(REPO_ROOT, '../shared/fixtures');
})();
