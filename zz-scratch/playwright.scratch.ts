import { fileURLToPath } from 'node:url';
import base from '../playwright.config.ts';
const root = fileURLToPath(new URL('..', import.meta.url));
export default { ...base, testDir: '../e2e', outputDir: '../test-results', webServer: { ...base.webServer, cwd: root, command: 'npx vite build --config zz-scratch/vite.scratch.ts && npx vite preview --config zz-scratch/vite.scratch.ts --outDir zz-scratch/dist --host 127.0.0.1 --port 4173 --strictPort' } };
