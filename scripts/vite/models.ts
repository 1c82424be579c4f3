// Vite plugin: makes the project's models/ folder available to the app at ./models/. Every
// model folder (one holding model.json) is copied into the build output, and models/index.json
// lists them ({models: [{name, files, card, config}]}); in dev the same index is generated per
// request and the files are served from the project root as they are.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface ModelIndexEntry {
  /** The folder name under models/ (what the app calls the model). */
  name: string;
  files: string[];
  /** The folder's card: "MODEL_CARD.md" (U-Nets), "card.md" (a Han CNN from train-baseline), or null. */
  card: string | null;
  /** config.json as stored, or null when it is missing or not JSON. */
  config: Record<string, unknown> | null;
}

const CARD_FILES = ['MODEL_CARD.md', 'card.md'];
const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

function readConfig(dir: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The model folders under `root` (only plain files directly inside each folder are listed). */
export function listModels(root = MODELS_DIR): ModelIndexEntry[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && existsSync(path.join(root, d.name, 'model.json')))
    .map((d) => {
      const dir = path.join(root, d.name);
      const files = readdirSync(dir).filter((f) => !f.startsWith('.') && statSync(path.join(dir, f)).isFile()).sort();
      return { name: d.name, files, card: CARD_FILES.find((c) => files.includes(c)) ?? null, config: readConfig(dir) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const indexJson = (root?: string) => `${JSON.stringify({ models: listModels(root) }, null, 1)}\n`;

export function modelsFolder(root = MODELS_DIR): Plugin {
  return {
    name: 'diffpir:models',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!/^\/models\/index\.json(\?|$)/.test(req.url ?? '')) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(indexJson(root));
      });
    },
    generateBundle() {
      for (const m of listModels(root)) {
        for (const f of m.files) this.emitFile({ type: 'asset', fileName: `models/${m.name}/${f}`, source: readFileSync(path.join(root, m.name, f)) });
      }
      this.emitFile({ type: 'asset', fileName: 'models/index.json', source: indexJson(root) });
    },
  };
}
