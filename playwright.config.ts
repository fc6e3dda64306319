import { defineConfig, devices } from '@playwright/test';

// scripts/e2e.mjs finds a Chromium and passes it in CHROMIUM_PATH; Playwright's own download is never used.
const executablePath = process.env.CHROMIUM_PATH || undefined;
// E2E_PORT lets two suites run side by side (each builds into its own dist-PORT directory).
const PORT = Number(process.env.E2E_PORT) || 4173;
const OUT = process.env.E2E_PORT ? `dist-${PORT}` : 'dist';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: process.env.E2E_PORT ? `test-results-${PORT}` : 'test-results',
  timeout: 60_000,
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure', viewport: { width: 1600, height: 900 } },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1600, height: 900 },
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${OUT} && npx vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
