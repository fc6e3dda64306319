/**
 * `docker login [OPTIONS] [SERVER]` (docker/cli `cli/command/registry/login.go`) and the CLI's
 * credential file (`cli/config/credentials/file_store.go`): the daemon checks the credentials
 * (POST /auth), the CLI stores `user:password` base64-encoded under `auths` in
 * `/root/.docker/config.json` and warns that it is unencrypted. Without -u/-p it reuses stored
 * credentials, or prompts on a terminal.
 */
import { readAll } from '../../programs/util.ts';
import { INDEX_SERVER, loginHost, systemAuth } from '../../daemon/router/registry.ts';
import { mkdirParents } from '../../fs/filesystem.ts';
import { goJson } from '../../image/gojson.ts';
import { EOF } from '../../kernel/streams.ts';
import { bool, str, StatusError, type Command, type DockerCli, type Gen } from './command.ts';

export const CONFIG_PATH = '/root/.docker/config.json';

const UNENCRYPTED_WARNING = `
WARNING! Your credentials are stored unencrypted in '${CONFIG_PATH}'.
Configure a credential helper to remove this warning. See
https://docs.docker.com/go/credential-store/
`;

interface ConfigFile {
  auths?: Record<string, { auth?: string }>;
  [k: string]: unknown;
}

export function readConfig(cli: DockerCli): ConfigFile {
  const node = cli.ctx.fs.lookup(CONFIG_PATH);
  if (typeof node === 'string' || node.type !== 'file') return {};
  const text = node.content;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as ConfigFile) : {};
  } catch {
    return {};
  }
}

export function writeConfig(cli: DockerCli, cfg: ConfigFile): void {
  const now = cli.daemon.now;
  mkdirParents(cli.ctx.fs, '/root/.docker', now, 0o700);
  cli.ctx.fs.writeFile(CONFIG_PATH, goJson(cfg, '\t'), now, { mode: 0o600 });
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63] + abc[(n >> 12) & 63] + (i + 1 < bytes.length ? abc[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? abc[n & 63] : '=');
  }
  return out;
}

function unbase64(s: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = s.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    const v = abc.indexOf(ch);
    if (v < 0) return '';
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The stored credentials for a config key (`https://index.docker.io/v1/`, `localhost:5000`). */
export function storedAuth(cli: DockerCli, key: string): { username: string; password: string } | null {
  const entry = readConfig(cli).auths?.[key];
  if (!entry?.auth) return null;
  const text = unbase64(entry.auth);
  const i = text.indexOf(':');
  return i < 0 ? null : { username: text.slice(0, i), password: text.slice(i + 1) };
}

/** The config key for a registry host (`docker.io` → the index server URL). */
export function authKey(host: string): string {
  return host === 'docker.io' ? INDEX_SERVER : host;
}

/** Prompts and reads a line; a password is read with echo off and the newline printed after it (term.ReadPassword). */
function* readLine(cli: DockerCli, prompt: string, secret = false): Gen<string> {
  cli.out(prompt);
  const r = yield cli.ctx.read(0, { line: true, echo: !secret });
  if (secret) cli.out('\n');
  if (r === EOF || typeof r !== 'string') return '';
  return r.replace(/\r?\n$/, '');
}


export const login: Command = {
  name: 'login', path: 'docker login', use: 'docker login [OPTIONS] [SERVER]', short: 'Authenticate to a registry',
  args: { kind: 'range', min: 0, max: 1 },
  flags: [
    { name: 'password', short: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    { name: 'password-stdin', type: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
    { name: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
  *run(cli, f) {
    let user = str(f, 'username');
    let password = str(f, 'password');
    const passwordStdin = bool(f, 'password-stdin');
    if (password !== '') {
      cli.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
      if (passwordStdin) throw new StatusError('--password and --password-stdin are mutually exclusive', 1);
    }
    if (passwordStdin) {
      if (user === '') throw new StatusError('Must provide --username with --password-stdin', 1);
      password = (yield* readAll(cli.ctx)).replace(/\n$/, '').replace(/\r$/, '');
    }
    const arg = f.args[0] ?? '';
    const server = arg !== '' && arg !== 'docker.io' ? arg : INDEX_SERVER;
    const host = loginHost(server);
    const key = host === 'docker.io' ? INDEX_SERVER : server;
    const stored = user === '' && password === '' ? storedAuth(cli, key) : null;
    if (stored) {
      cli.out(`Authenticating with existing credentials... [Username: ${stored.username}]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\n`);
      user = stored.username;
      password = stored.password;
    } else if (user === '' || password === '') {
      if (!cli.ctx.isatty(0)) throw new StatusError('Error: Cannot perform an interactive login from a non TTY device', 1);
      if (user === '') user = yield* readLine(cli, 'Username: ');
      if (user === '') throw new StatusError('Error: Non-null Username Required', 1);
      if (password === '') {
        password = yield* readLine(cli, 'Password: ', true);
        cli.out('\n');
      }
      if (password === '') throw new StatusError('Error: Password Required', 1);
    }
    const r = systemAuth(cli.daemon, { username: user, password, serveraddress: server });
    const cfg = readConfig(cli);
    cfg.auths = { ...(cfg.auths ?? {}), [key]: { auth: base64(`${user}:${password}`) } };
    writeConfig(cli, cfg);
    cli.err(`${UNENCRYPTED_WARNING}\n`);
    cli.out(`${r.Status}\n`);
    return 0;
  },
};
