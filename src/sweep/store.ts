// Result stores without Node: in memory (tests, a one-off run in a worker) and IndexedDB (the
// app: a reload resumes the sweep). Both keep a JSON copy, so what is stored is what a file holds.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { ResultsStore, SweepResults } from './types.ts';

export class MemoryResultsStore implements ResultsStore {
  readonly name = 'memory';
  text: string | undefined;
  saves = 0;

  async load(): Promise<unknown | undefined> {
    return this.text === undefined ? undefined : JSON.parse(this.text);
  }

  async save(results: SweepResults): Promise<void> {
    this.text = JSON.stringify(results);
    this.saves++;
  }
}

/** Results under `key` in IndexedDB database "diffpir-sweeps". */
export class IdbResultsStore implements ResultsStore {
  private readonly store: UseStore;

  constructor(readonly key: string) {
    this.store = createStore('diffpir-sweeps', 'results');
  }

  get name(): string {
    return `IndexedDB sweep "${this.key}"`;
  }

  async load(): Promise<unknown | undefined> {
    const text = (await get(this.key, this.store)) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }

  async save(results: SweepResults): Promise<void> {
    await set(this.key, JSON.stringify(results), this.store);
  }
}
