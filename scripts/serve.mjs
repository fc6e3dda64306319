// `npm start`: serves the production build (built just before by `vite build`) and prints its URL.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { host: process.env.HOST ?? '127.0.0.1', port, strictPort: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`\n  Container Playground is running at ${url}\n  (Ctrl-C stops it)\n`);
