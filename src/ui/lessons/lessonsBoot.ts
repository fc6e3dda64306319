/**
 * The lazily loaded half of `bootWatch.ts`: latches the current lesson's goals from now on, and,
 * when the lesson was just restarted in a clean sandbox, writes its files into the new sandbox.
 */
import type { PlaygroundStore } from '../../store/index.ts';
import type { EngineClient } from '../../worker/client.ts';
import { lessonById } from '../../lessons/catalog.ts';
import { FRESH_KEY, localStore } from './current.ts';
import { writeLessonFiles } from './lessonFiles.ts';
import { lessonsStore, watchGoals } from './lessonsStore.ts';

export function startLessonAtBoot(playground: PlaygroundStore, client: EngineClient): void {
  const lessons = lessonsStore();
  watchGoals(playground, lessons);
  const kv = localStore();
  try {
    const fresh = kv?.getItem(FRESH_KEY);
    if (!fresh) return;
    kv?.removeItem?.(FRESH_KEY);
    const lesson = lessonById(fresh);
    if (lesson?.files && lessons.getState().current === lesson.id) void writeLessonFiles(client, lesson.files);
  } catch {
    // storage disabled: nothing was marked fresh
  }
}
