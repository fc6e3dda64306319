/**
 * The lesson map, in teaching order (issue 5). All 13 places are written lessons; an outline
 * (title only, shown disabled) can hold a place until its lesson is written.
 */
import { whatIsAContainer } from './content/01-what-is-a-container.ts';
import { namespaces } from './content/02-namespaces.ts';
import { cgroups } from './content/03-cgroups.ts';
import { overlay } from './content/04-overlay.ts';
import { imagesAndLayers } from './content/05-images-and-layers.ts';
import { build } from './content/06-dockerfile.ts';
import { commit } from './content/07-commit.ts';
import { registries } from './content/08-registries.ts';
import { volumes } from './content/09-volumes.ts';
import { networks } from './content/10-networks.ts';
import { architecture } from './content/11-architecture.ts';
import { vmVsContainer } from './content/12-vm-vs-container.ts';
import { disposable } from './content/13-disposable.ts';
import type { Lesson, LessonEntry, Localized } from './types.ts';

/** Every written lesson, by order. */
export const LESSONS: readonly Lesson[] = [whatIsAContainer, namespaces, cgroups, overlay, imagesAndLayers, build, commit, registries, volumes, networks, architecture, vmVsContainer, disposable];

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
