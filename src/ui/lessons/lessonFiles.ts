/**
 * Writes a lesson's host files (a Dockerfile and its context) through the engine client when the
 * learner first opens the lesson, creating their directories, as the headless runner does.
 */
import type { EngineClient } from '../../worker/client.ts';
import { lessonFilePath } from '../../lessons/files.ts';

export async function writeLessonFiles(client: Pick<EngineClient, 'files'>, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const path = lessonFilePath(name);
    const parts = path.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!(await client.files({ op: 'list', path: dir })).ok) await client.files({ op: 'mkdir', path: dir });
    }
    // Nothing the learner wrote is lost: a different file already there is kept as `NAME~`.
    const existing = await client.files({ op: 'read', path });
    if (existing.ok && existing.op === 'read') {
      if (existing.content === content) continue;
      await client.files({ op: 'write', path: `${path}~`, content: existing.content });
    }
    await client.files({ op: 'write', path, content });
  }
}
