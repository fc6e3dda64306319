/**
 * `docker logout [SERVER]` (docker/cli `cli/command/registry/logout.go`): prints
 * `Removing login credentials for <host>` and erases the entry (and its legacy spellings) from
 * the credential file; nothing to erase is not an error.
 */
import { forgetLogin, INDEX_SERVER, loginHost } from '../../daemon/router/registry.ts';
import { readConfig, writeConfig } from './login.ts';
import type { Command } from './command.ts';

/** credentials.ConvertToHostname: strip the scheme and any path. */
function toHostname(s: string): string {
  return s.replace(/^https?:\/\//, '').split('/')[0];
}

export const logout: Command = {
  name: 'logout', path: 'docker logout', use: 'docker logout [SERVER]', short: 'Log out from a registry',
  args: { kind: 'range', min: 0, max: 1 }, flags: [],
  *run(cli, f) {
    const server = f.args[0] ?? '';
    const isDefault = server === '';
    const address = isDefault ? INDEX_SERVER : server;
    const hostname = isDefault ? address : toHostname(address);
    const keys = isDefault ? [address] : [address, hostname, `http://${hostname}`, `https://${hostname}`];
    cli.out(`Removing login credentials for ${hostname}\n`);
    const cfg = readConfig(cli);
    if (cfg.auths && keys.some((k) => k in cfg.auths!)) {
      const auths = { ...cfg.auths };
      for (const k of keys) delete auths[k];
      cfg.auths = auths;
      writeConfig(cli, cfg);
    }
    forgetLogin(cli.daemon, loginHost(address));
    return 0;
  },
};
