/**
 * Starts the playground: the engine client (the Worker, or the fixture host on `?fixture`), the
 * store fed by it, the test hook, and React.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectStore, createPlaygroundStore } from '../store/index.ts';
import { createWorkerClient, type EngineClient } from '../worker/client.ts';
import { initialLang } from '../i18n/index.ts';
import { App } from './App.tsx';
import { installTestHook } from './testHook.ts';

export async function boot(root: HTMLElement): Promise<void> {
  const lang = initialLang();
  document.documentElement.lang = lang;
  const fixture = new URLSearchParams(location.search).get('fixture');

  let client: EngineClient;
  let controls: unknown;
  if (fixture !== null) {
    const { startFixture } = await import('./fixtureHost.ts');
    ({ client, controls } = startFixture(fixture === 'still' ? 0 : 1, fixture === 'many' ? 'many' : 'default'));
  } else {
    client = createWorkerClient();
  }

  const store = createPlaygroundStore({ send: client.send, lang });
  connectStore(store, client);
  const hook = installTestHook(store, client);
  if (controls) hook.fixture = controls;

  createRoot(root).render(
    <StrictMode>
      <App playground={{ store, client }} fixture={fixture !== null} />
    </StrictMode>,
  );
}
