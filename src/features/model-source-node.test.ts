// Where a Node model comes from, as results files and cards record it: models/<name> for the
// shipped folders, the path as given otherwise; never an absolute path of this machine.
import { describe, expect, it } from 'vitest';
import { openModelDirNode } from './model-source-node.ts';

describe('openModelDirNode', () => {
  it('records a shipped model as models/<name>, by name or by path', async () => {
    expect((await openModelDirNode('student-v1')).dir).toBe('models/student-v1');
    expect((await openModelDirNode('models/student-v1')).dir).toBe('models/student-v1');
  });
});
