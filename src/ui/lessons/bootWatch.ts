/**
 * Goals are watched from boot, not from the Lessons panel: a learner following a lesson who
 * reloads and works in other tabs still gets goals ticked (and announced). Only when a lesson is
 * being followed, and only once the engine has said `welcome` (the first paint is done), does the
 * lessons chunk load; the initial bundle carries no lesson content.
 */
import type { PlaygroundStore } from '../../store/index.ts';
import type { EngineClient } from '../../worker/client.ts';
import { savedCurrentLesson } from './current.ts';

export function watchLessonFromBoot(playground: PlaygroundStore, client: EngineClient): void {
  if (!savedCurrentLesson()) return;
  const load = () => {
    void import('./lessonsBoot.ts').then((m) => m.startLessonAtBoot(playground, client));
  };
  if (playground.getState().connection === 'ready') {
    load();
    return;
  }
  const unsubscribe = playground.subscribe((s) => {
    if (s.connection !== 'ready') return;
    unsubscribe();
    load();
  });
}
