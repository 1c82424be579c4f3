// The worker's readers for models and clips stored in this browser (IndexedDB), wired to the
// stores in src/store. Kept apart so the compute parts above take any reader (tests use fakes).
import { browserCorpusStore } from '../store/corpus-store.ts';
import { browserModelStore } from '../store/model-store.ts';
import { browserUploadStore } from '../store/upload-store.ts';
import type { ClipReaders } from './open-clip.ts';
import type { ModelOpeners } from './open-model.ts';

export const browserOpeners: ModelOpeners = {
  async userFiles(id) {
    const store = browserModelStore();
    const info = await store.info(id);
    return { name: info.name, files: store.files(info) };
  },
};

export const browserReaders: ClipReaders = {
  async corpusClip(corpus, clip) {
    const { record, bytes } = await browserCorpusStore().clip(corpus, clip);
    return { name: record.file.split('/').pop() ?? record.id, bytes };
  },
  async upload(key) {
    const u = await browserUploadStore().get(key);
    return { name: u.name, bytes: u.bytes };
  },
};
