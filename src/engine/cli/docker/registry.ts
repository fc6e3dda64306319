/** Every docker subcommand, and the `docker container …` / `docker image …` / `docker system …` groups. */
import type { Command } from './command.ts';
import { groupHelp } from './help.ts';
import { build, builderPrune, BUILDER_HELP } from './build.ts';
import { exec } from './exec.ts';
import { events } from './events.ts';
import { commit } from './commit.ts';
import { cp } from './cp.ts';
import { diff } from './diff.ts';
import { images, imageLs, imageInspect } from './images.ts';
import { containerInspectCmd, inspect } from './inspect.ts';
import { kill, pause, rename, restart, rm, start, stop, unpause, wait } from './lifecycle.ts';
import { history } from './history.ts';
import { logs } from './logs.ts';
import { NETWORK_COMMANDS, NETWORK_HELP } from './network.ts';
import { port } from './port.ts';
import { imagePrune } from './prune.ts';
import { ps } from './ps.ts';
import { pull } from './pull.ts';
import { push } from './push.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { search } from './search.ts';
import { rmi } from './rmi.ts';
import { create, run } from './run.ts';
import { stats } from './stats.ts';
import { systemDfCmd } from './system.ts';
import { tag } from './tag.ts';
import { top } from './top.ts';
import { update } from './update.ts';
import { info, version } from './version.ts';
import { VOLUME_COMMANDS, VOLUME_HELP } from './volume.ts';

export const COMMANDS: Record<string, Command> = {
  run, create, start, stop, restart, kill, pause, unpause, rm, exec, ps, top, stats, logs, inspect, wait, rename, update, version, info, images, pull,
  diff, cp, commit,
  rmi, tag, history,
  build,
  events,
  login, logout, push, search,
  port,
};

const as = (c: Command, group: string, name: string, use?: string): Command => ({ ...c, name, path: `docker ${group} ${name}`, use: use ?? c.use.replace(`docker ${c.name}`, `docker ${group} ${name}`) });

const containerCommands: Record<string, Command> = {
  run: as(run, 'container', 'run'), create: as(create, 'container', 'create'), start: as(start, 'container', 'start'), stop: as(stop, 'container', 'stop'),
  restart: as(restart, 'container', 'restart'), kill: as(kill, 'container', 'kill'), pause: as(pause, 'container', 'pause'), unpause: as(unpause, 'container', 'unpause'),
  rm: as(rm, 'container', 'rm'), remove: as(rm, 'container', 'remove'), exec: as(exec, 'container', 'exec'), ls: as(ps, 'container', 'ls', 'docker container ls [OPTIONS]'),
  list: as(ps, 'container', 'list', 'docker container list [OPTIONS]'), ps: as(ps, 'container', 'ps', 'docker container ps [OPTIONS]'), top: as(top, 'container', 'top'),
  stats: as(stats, 'container', 'stats'), logs: as(logs, 'container', 'logs'), inspect: containerInspectCmd, wait: as(wait, 'container', 'wait'),
  rename: as(rename, 'container', 'rename'), port: as(port, 'container', 'port'), update: as(update, 'container', 'update'),
  diff: as(diff, 'container', 'diff'), cp: as(cp, 'container', 'cp'), commit: as(commit, 'container', 'commit'),
};

const imageCommands: Record<string, Command> = {
  ls: imageLs, list: { ...imageLs, name: 'list', path: 'docker image list' }, pull: as(pull, 'image', 'pull'), push: as(push, 'image', 'push'), inspect: imageInspect,
  rm: as(rmi, 'image', 'rm', 'docker image rm [OPTIONS] IMAGE [IMAGE...]'), remove: as(rmi, 'image', 'remove', 'docker image remove [OPTIONS] IMAGE [IMAGE...]'),
  tag: as(tag, 'image', 'tag'), history: as(history, 'image', 'history'), prune: imagePrune,
  build,
};

const systemCommands: Record<string, Command> = {
  df: systemDfCmd, info: as(info, 'system', 'info'), events: as(events, 'system', 'events'),
};

export const MANAGEMENT: Record<string, { help: string; commands: Record<string, Command> }> = {
  container: {
    commands: containerCommands,
    help: groupHelp('container', Object.entries({
      commit: "Create a new image from a container's changes", cp: 'Copy files/folders between a container and the local filesystem',
      create: 'Create a new container', diff: "Inspect changes to files or directories on a container's filesystem", exec: 'Execute a command in a running container', inspect: 'Display detailed information on one or more containers',
      kill: 'Kill one or more running containers', logs: 'Fetch the logs of a container', ls: 'List containers', pause: 'Pause all processes within one or more containers',
      rename: 'Rename a container', restart: 'Restart one or more containers', rm: 'Remove one or more containers', run: 'Create and run a new container from an image',
      start: 'Start one or more stopped containers', stats: 'Display a live stream of container(s) resource usage statistics', stop: 'Stop one or more running containers',
      top: 'Display the running processes of a container', unpause: 'Unpause all processes within one or more containers', update: 'Update configuration of one or more containers',
      wait: 'Block until one or more containers stop, then print their exit codes',
    })),
  },
  image: {
    commands: imageCommands,
    help: groupHelp('image', Object.entries({
      build: 'Build an image from a Dockerfile', history: 'Show the history of an image', inspect: 'Display detailed information on one or more images', ls: 'List images', prune: 'Remove unused images',
      pull: 'Download an image from a registry', push: 'Upload an image to a registry', rm: 'Remove one or more images', tag: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    })),
  },
  builder: { commands: { build, prune: builderPrune }, help: BUILDER_HELP },
  network: { commands: NETWORK_COMMANDS, help: NETWORK_HELP },
  buildx: { commands: { build, b: build, prune: builderPrune }, help: BUILDER_HELP },
  volume: { commands: VOLUME_COMMANDS, help: VOLUME_HELP },
  system: {
    commands: systemCommands,
    help: groupHelp('system', Object.entries({ df: 'Show docker disk usage', events: 'Get real time events from the server', info: 'Display system-wide information' })),
  },
};
