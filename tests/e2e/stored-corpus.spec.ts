// A corpus the Data page stored in IndexedDB ("diffpir-corpus"/"files": manifest:<id> and
// clip:<id>:<file>, the layout of src/store/corpus-store.ts) is offered on the Probe page and a
// probe trains on it, its figures saying which corpus they come from.
import { expect, test } from '@playwright/test';
import { guardOrigin } from './helpers/origin-guard.ts';
import { toneWav } from './helpers/wav.ts';
import { ProbePageObject } from './pages/experiment-pages.ts';

const PLAN: { id: string; split: string; labels: string[]; hz: number[] }[] = [
  ...['train', 'validation'].flatMap((split) => [
    { id: `${split}-cel`, split, labels: ['cel'], hz: [98, 196] },
    { id: `${split}-flu`, split, labels: ['flu'], hz: [1175, 1568] },
    { id: `${split}-vio`, split, labels: ['vio'], hz: [440, 660] },
  ]),
  { id: 'test-1', split: 'test', labels: ['cel'], hz: [110, 220] },
  { id: 'test-2', split: 'test', labels: ['flu', 'vio'], hz: [1320, 494] },
];

test('a probe trains on a corpus stored in IndexedDB by the Data page', async ({ page, baseURL }) => {
  const guard = guardOrigin(page, new URL(baseURL!).origin);
  await page.goto('/');
  const clips = PLAN.map((c) => ({
    ...c, file: `${c.split}/${c.id}.wav`, duration: c.split === 'test' ? 5 : 3,
    bytes: [...toneWav({ seconds: c.split === 'test' ? 5 : 3, sampleRate: 16000, tones: c.hz.map((hz) => ({ hz, amplitude: 0.2 })) })],
  }));
  await page.evaluate(async (clips) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('diffpir-corpus');
      req.onupgradeneeded = () => req.result.createObjectStore('files');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('files', 'readwrite');
    const store = tx.objectStore('files');
    for (const c of clips) store.put(new Uint8Array(c.bytes), `clip:e2e-stored:${c.file}`);
    store.put({
      format: 'diffpir-corpus', version: 1, source: 'rendered', classes: [], skipped: [],
      clips: clips.map((c) => ({ id: c.id, file: c.file, split: c.split, labels: c.labels, duration: c.duration, sampleRate: 16000 })),
    }, 'manifest:e2e-stored');
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, clips);

  const probe = new ProbePageObject(page);
  await probe.goto('model=random-init:tiny&epochs=3');
  const data = page.getByLabel('Data', { exact: true });
  await expect(data.locator('option[value="stored:e2e-stored"]')).toHaveText('e2e-stored (rendered, 8 clips)');
  await data.selectOption('stored:e2e-stored');
  expect(page.url()).toContain('data=stored%3Ae2e-stored');
  await probe.trainAndWait();
  await expect(page.getByTestId('probe-summary')).toContainText('3 training, 3 validation and');
  await expect(page.getByRole('figure', { name: 'Class-wise test F1, MLP probe' })).toContainText(/data e2e-stored-[0-9a-f]{12} \(rendered, 8 clips\)/);
  expect(guard.foreign()).toEqual([]);
});
