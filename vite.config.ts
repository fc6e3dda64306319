/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy (issue 6): scripts only from our origin — no inline
 * script, no eval — so a hostile scenario link cannot run code even if text slipped into markup.
 * Styles may be inline: xterm and CodeMirror inject their own. A `<meta>` (the app is static
 * files, served by anything); the dev server is left without it (Vite's HMR injects inline code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

/**
 * Offline (issue 6): an installable app whose service worker precaches every built file — the
 * engine worker, each lazy panel, the lessons — so once loaded the playground runs with the
 * network off. Registered by a deferred script file (an inline one would break the CSP above).
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  includeAssets: ['icon.svg'],
  manifest: {
    name: 'Container Playground',
    short_name: 'Playground',
    description: 'See how containers work: a simulated Docker host in your browser with live diagrams.',
    lang: 'en',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#080b10',
    theme_color: '#080b10',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // The engine worker (dockerfile-ast, the image catalogue) is the largest file.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    environment: 'node',
  },
});
