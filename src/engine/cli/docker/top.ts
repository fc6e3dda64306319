/** `docker top`: the container's processes as the host's `ps -ef` sees them — host PIDs. */
import { containerTop } from '../../daemon/router/query.ts';
import type { Command } from './command.ts';
import { DOCKER_TABWRITER, tabwrite } from '../format/index.ts';

export const top: Command = {
  name: 'top', path: 'docker top', use: 'docker top CONTAINER [ps OPTIONS]', short: 'Display the running processes of a container',
  aliases: 'docker container top, docker top', args: { kind: 'min', n: 1 }, flags: [], interspersed: false,
  *run(cli, f) {
    const r = containerTop(cli.daemon, f.args[0]);
    const text = [r.Titles, ...r.Processes].map((row) => `${row.join('\t')}\n`).join('');
    cli.out(tabwrite(text, { ...DOCKER_TABWRITER, minwidth: 20 }));
    return 0;
  },
};
