import { mergeConfig } from 'vite';
import { readFileSync } from 'node:fs';
import base from '../vite.config.ts';
// Serves the old stub in place of src/worker/engine.worker.ts while the engine does not build.
const stubCode = readFileSync(new URL('./stub.worker.ts', import.meta.url), 'utf8')
  .replace("'../src/worker/protocol.ts'", "'./protocol.ts'")
  .replace("'../src/engine/snapshot.ts'", "'../engine/snapshot.ts'");
const stub = { name: 'scratch-stub-worker', enforce: 'pre' as const, load(id: string) { return id.endsWith('/src/worker/engine.worker.ts') ? stubCode : null; } };
export default mergeConfig(base, {
  plugins: [stub],
  worker: { plugins: () => [stub] },
  build: { outDir: 'zz-scratch/dist', emptyOutDir: true },
});
