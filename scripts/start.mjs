// `npm start`: build the lab and serve it on 127.0.0.1 (port from PORT, default 5173).
import { build, preview } from 'vite';

const port = Number(process.env.PORT ?? 5173);
await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
const url = `http://127.0.0.1:${server.config.preview.port}/`;
console.log(`DiffPIR Lab is running at ${url}  (Ctrl+C to stop)`);
