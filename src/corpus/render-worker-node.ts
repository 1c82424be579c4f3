// Node worker thread: renders clips for a pool (see render-pool-node.ts). Each message is a
// clip spec; the answer is the wav bytes and the part records, or the error message.
import { parentPort, workerData } from 'node:worker_threads';
import type { ClipSpec } from './arrange-clip.ts';
import { loadBankNode } from './bank-node.ts';
import { localRenderer, type WavEncoding } from './corpus-render.ts';
import { loadSampleBankNode } from './samples/bank-node.ts';

const { bankDir, sampleBankDir, encoding } = workerData as { bankDir?: string; sampleBankDir?: string; encoding: WavEncoding };
const render = localRenderer({ loadBank: (name) => loadBankNode(name, bankDir), sampleBank: async () => loadSampleBankNode(sampleBankDir) }, encoding);

parentPort!.on('message', async (msg: { job: number; spec: ClipSpec }) => {
  try {
    const r = await render(msg.spec);
    parentPort!.postMessage({ job: msg.job, ...r }, [r.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ job: msg.job, error: e instanceof Error ? e.message : String(e), lab: (e as { name?: string })?.name === 'LabError' });
  }
});
