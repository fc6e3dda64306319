/**
 * The docker CLI as a program on the host: parses global flags, finds the subcommand (also
 * through the `docker container …` / `docker image …` management groups), parses its flags
 * like cobra/pflag, and prints errors exactly as the real client does.
 */
import type { ProcessContext } from '../../kernel/context.ts';
import type { ProgramGenerator } from '../../kernel/process.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { ApiError } from '../../daemon/errors.ts';
import { type Command, type DockerCli, StatusError } from './command.ts';
import { FlagError, flagUsages, parseFlags } from './flags.ts';
import { COMMANDS, MANAGEMENT } from './registry.ts';
import { rootHelp } from './help.ts';
import { DOCKER_VERSION, DOCKER_GIT_COMMIT } from '../../versions.ts';
import { own } from '../../own.ts';

export function dockerProgram(daemonOf: () => Daemon) {
  return function* docker(ctx: ProcessContext): ProgramGenerator {
    const cli: DockerCli = { ctx, daemon: daemonOf(), out: (t) => ctx.out(t), err: (t) => ctx.err(t) };
    ctx.rss(38 * 1024 * 1024);
    let argv = ctx.argv.slice(1);
    // Global flags before the command.
    while (argv.length && argv[0].startsWith('-')) {
      const a = argv[0];
      if (a === '-v' || a === '--version') {
        ctx.out(`Docker version ${DOCKER_VERSION}, build ${DOCKER_GIT_COMMIT}\n`);
        return 0;
      }
      if (a === '-h' || a === '--help') {
        ctx.out(rootHelp());
        return 0;
      }
      if (a === '-D' || a === '--debug') {
        argv = argv.slice(1);
        continue;
      }
      ctx.err(`unknown flag: ${a.startsWith('--') ? a.split('=')[0] : `shorthand flag: '${a[1]}' in ${a}`}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n`.replace('unknown flag: shorthand flag', 'unknown shorthand flag'));
      return 125;
    }
    if (argv.length === 0) {
      ctx.out(rootHelp());
      return 0;
    }
    let name = argv[0];
    let rest = argv.slice(1);
    let command: Command | undefined;
    if (name === 'help') {
      if (rest.length === 0) {
        ctx.out(rootHelp());
        return 0;
      }
      name = rest[0];
      rest = ['--help'];
    }
    const group = own(MANAGEMENT, name);
    if (group) {
      const sub = rest[0];
      if (sub === undefined || sub === '--help' || sub === '-h') {
        ctx.out(group.help);
        return 0;
      }
      command = own(group.commands, sub);
      if (!command) {
        ctx.err(`docker: unknown command: docker ${name} ${sub}\n\nRun 'docker ${name} --help' for more information\n`);
        return 1;
      }
      rest = rest.slice(1);
    } else command = own(COMMANDS, name);
    if (!command) {
      ctx.err(`docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information\n`);
      return 1;
    }
    return yield* runCommand(cli, command, rest);
  };
}

export function commandHelp(c: Command): string {
  let s = `\nUsage:  ${c.use}\n\n${c.short}\n`;
  if (c.aliases) s += `\nAliases:\n  ${c.aliases}\n`;
  if (c.flags.length) s += `\nOptions:\n${flagUsages(c.flags)}\n`;
  return s;
}

function usageFooter(c: Command): string {
  return `\n\nUsage:  ${c.use}\n\nRun '${c.path} --help' for more information\n`;
}

function* runCommand(cli: DockerCli, c: Command, argv: readonly string[]): ProgramGenerator {
  if (argv.includes('--help') || argv.includes('-h')) {
    const dash = argv.indexOf('--');
    const helpAt = Math.max(argv.indexOf('--help'), argv.indexOf('-h'));
    if (dash < 0 || helpAt < dash) {
      // Flags only count before the first argument for run/create/exec.
      const firstArg = c.interspersed === false ? argv.findIndex((a) => !a.startsWith('-')) : -1;
      if (firstArg < 0 || helpAt < firstArg) {
        cli.out(commandHelp(c));
        return 0;
      }
    }
  }
  let flags;
  try {
    flags = parseFlags(argv, c.flags, c.interspersed !== false);
  } catch (e) {
    if (e instanceof FlagError) {
      cli.err(`${e.message}${usageFooter(c)}`);
      return 125;
    }
    throw e;
  }
  const n = flags.args.length;
  const rule = c.args;
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  let argError: string | null = null;
  if (rule.kind === 'none' && n > 0) argError = `"${c.path}" accepts no arguments.`;
  else if (rule.kind === 'min' && n < rule.n) argError = `"${c.path}" requires at least ${rule.n} ${plural(rule.n)}.`;
  else if (rule.kind === 'exact' && n !== rule.n) argError = `"${c.path}" requires exactly ${rule.n} ${plural(rule.n)}.`;
  else if (rule.kind === 'max' && n > rule.n) argError = `"${c.path}" requires at most ${rule.n} ${plural(rule.n)}.`;
  else if (rule.kind === 'range' && (n < rule.min || n > rule.max)) argError = `"${c.path}" requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}.`;
  if (argError) {
    const prefix = c.interspersed === false ? 'docker: ' : '';
    cli.err(`${prefix}${argError}\nSee '${c.path} --help'.\n\nUsage:  ${c.use}\n\n${c.short}\n`);
    return 1;
  }
  try {
    return yield* c.run(cli, flags);
  } catch (e) {
    if (e instanceof StatusError) {
      if (e.message) cli.err(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      return e.code;
    }
    if (e instanceof ApiError) {
      cli.err(`Error response from daemon: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
