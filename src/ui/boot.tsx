/**
 * Starts the playground: the engine client (the Worker, or the fixture host on `?fixture`), the
 * store fed by it, the test hook, and React.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectStore, createPlaygroundStore, type PresenterStep } from '../store/index.ts';
import type { EngineClient } from '../worker/client.ts';
import { initialLang } from '../i18n/index.ts';
import { App } from './App.tsx';
import { installTestHook } from './testHook.ts';
import { presentRequested } from './presenter/url.ts';
import { startSessionClient, type SessionTestControls } from './share/start.ts';
import { watchLessonFromBoot } from './lessons/bootWatch.ts';

export async function boot(root: HTMLElement): Promise<void> {
  const lang = initialLang();
  document.documentElement.lang = lang;
  const fixture = new URLSearchParams(location.search).get('fixture');

  let client: EngineClient;
  let controls: unknown;
  let session: SessionTestControls | undefined;
  let remaining: readonly PresenterStep[] | null = null;
  if (fixture !== null) {
    const { startFixture } = await import('./fixtureHost.ts');
    ({ client, controls } = startFixture(fixture === 'still' ? 0 : 1, fixture === 'many' ? 'many' : 'default'));
  } else {
    // A shared scenario, the saved sandbox session, or an empty sandbox (ui/share/start.ts).
    ({ client, controls: session, remaining } = await startSessionClient());
  }

  // A shared scenario that stops at a `pause` opens in presenter mode, its remaining steps to step through.
  const store = createPlaygroundStore({ send: client.send, lang, presenter: presentRequested(location.search, location.hash) || remaining !== null });
  if (remaining) store.getState().setPresenterSteps(remaining.map((s) => (s.say !== undefined ? { run: s.run, say: s.say } : { run: s.run })));
  connectStore(store, client);
  const hook = installTestHook(store, client);
  if (controls) hook.fixture = controls;
  if (session) (hook as { session?: SessionTestControls }).session = session;

  createRoot(root).render(
    <StrictMode>
      <App playground={{ store, client }} fixture={fixture !== null} />
    </StrictMode>,
  );
  // A lesson being followed has its goals watched whichever tab is open (its chunk loads after `welcome`).
  watchLessonFromBoot(store, client);
}
