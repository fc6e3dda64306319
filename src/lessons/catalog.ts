/**
 * The lesson map, in teaching order (issue 5). All 13 places are written lessons; an outline
 * (title only, shown disabled) can hold a place until its lesson is written.
 */
import { whatIsAContainer } from './content/01-what-is-a-container.ts';
import { namespaces } from './content/02-namespaces.ts';
import { cgroups } from './content/03-cgroups.ts';
import { overlay } from './content/04-overlay.ts';
import { volumes } from './content/05-volumes.ts';
import { networks } from './content/06-networks.ts';
import { ports } from './content/07-ports.ts';
import { pid1Signals } from './content/08-pid1-signals.ts';
import { registries } from './content/09-registries.ts';
import { build } from './content/10-build.ts';
import { architecture } from './content/11-architecture.ts';
import { multiStage } from './content/12-multi-stage.ts';
import { vmVsContainer } from './content/13-vm-vs-container.ts';
import type { Lesson, LessonEntry, Localized } from './types.ts';

/** Every written lesson, by order. */
export const LESSONS: readonly Lesson[] = [whatIsAContainer, namespaces, cgroups, overlay, volumes, networks, ports, pid1Signals, registries, build, architecture, multiStage, vmVsContainer];

/** Places on the map still to write (title only, shown disabled); none at the moment. */
const OUTLINES: readonly { readonly id: string; readonly title: Localized }[] = [];

/** The map: written lessons, then any outlines numbered after them (13 places in all). */
export const LESSON_MAP: readonly LessonEntry[] = [
  ...LESSONS.map((lesson): LessonEntry => ({ kind: 'lesson', lesson })),
  ...OUTLINES.map((o, i): LessonEntry => ({ kind: 'outline', order: LESSONS.length + i + 1, id: o.id, title: o.title })),
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
