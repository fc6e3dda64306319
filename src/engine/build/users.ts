/**
 * USER and `--chown` names resolved the way runc / BuildKit do: against the build container's
 * own /etc/passwd and /etc/group (numeric IDs are taken as they are).
 */
import type { Filesystem } from '../fs/filesystem.ts';

/** The uid a USER names, from the root filesystem's /etc/passwd (numeric IDs pass as they are). */
export function resolveUser(fs: Filesystem, spec: string): { uid: number; gid: number; name: string } | { error: string } {
  if (!spec) return { uid: 0, gid: 0, name: 'root' };
  const [user, group] = spec.split(':');
  const passwd = fs.readFile('/etc/passwd');
  const lines = typeof passwd === 'string' ? passwd.split('\n') : [];
  let uid: number | undefined;
  let gid = 0;
  let name = user;
  for (const l of lines) {
    const f = l.split(':');
    if (f.length < 4) continue;
    if (f[0] === user || (/^\d+$/.test(user) && f[2] === user)) {
      uid = Number(f[2]);
      gid = Number(f[3]);
      name = f[0];
      break;
    }
  }
  if (uid === undefined) {
    if (!/^\d+$/.test(user)) return { error: `unable to find user ${user}: no matching entries in passwd file` };
    uid = Number(user);
  }
  if (group !== undefined) gid = resolveGroup(fs, group) ?? gid;
  return { uid, gid, name };
}

export function resolveGroup(fs: Filesystem, g: string): number | undefined {
  if (/^\d+$/.test(g)) return Number(g);
  const text = fs.readFile('/etc/group');
  if (typeof text !== 'string') return undefined;
  for (const l of text.split('\n')) {
    const f = l.split(':');
    if (f[0] === g && f.length >= 3) return Number(f[2]);
  }
  return undefined;
}
