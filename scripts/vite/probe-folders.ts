// Vite plugin: copies the shipped probe folders (models/<name>/ holding probe.json and its
// weights, e.g. models/probe-default/) and combination folders (combination.json, its
// calibration and card, e.g. models/recognizer/) into the build, so Recognize can fetch them from the
// app's own origin at ./models/<name>/. They are not U-Net models, so models/index.json (made by
// models.ts) does not list them. In dev, Vite serves the project's models/ folder as it is.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

/** Probe and combination folders under `root`: name and plain files. */
export function listProbeFolders(root = MODELS_DIR): { name: string; files: string[] }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && (existsSync(path.join(root, d.name, 'probe.json')) || existsSync(path.join(root, d.name, 'combination.json'))) && !existsSync(path.join(root, d.name, 'model.json')))
    .map((d) => ({ name: d.name, files: readdirSync(path.join(root, d.name)).filter((f) => !f.startsWith('.') && statSync(path.join(root, d.name, f)).isFile()).sort() }));
}

export function probeFolders(root = MODELS_DIR): Plugin {
  return {
    name: 'diffpir:probe-folders',
    generateBundle() {
      for (const p of listProbeFolders(root)) {
        for (const f of p.files) this.emitFile({ type: 'asset', fileName: `models/${p.name}/${f}`, source: readFileSync(path.join(root, p.name, f)) });
      }
    },
  };
}
