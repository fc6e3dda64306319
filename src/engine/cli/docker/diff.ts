/** `docker diff`: what changed in a container's read-write layer (`C`hanged, `A`dded, `D`eleted), in path order. */
import { containerChanges } from '../../daemon/router/archive.ts';
import { CHANGE_KIND, type ChangeKind } from '../../fs/snapshotter.ts';
import type { Command } from './command.ts';

function changeType(k: ChangeKind): string {
  switch (k) {
    case CHANGE_KIND.modified:
      return 'C';
    case CHANGE_KIND.added:
      return 'A';
    case CHANGE_KIND.deleted:
      return 'D';
    default: {
      const never: never = k;
      return String(never);
    }
  }
}

export const diff: Command = {
  name: 'diff', path: 'docker diff', use: 'docker diff CONTAINER', short: "Inspect changes to files or directories on a container's filesystem",
  aliases: 'docker container diff, docker diff', args: { kind: 'exact', n: 1 }, flags: [],
  *run(cli, f) {
    const changes = containerChanges(cli.daemon, f.args[0]);
    cli.out(changes.map((c) => `${changeType(c.Kind)} ${c.Path}\n`).join(''));
    return 0;
  },
};
