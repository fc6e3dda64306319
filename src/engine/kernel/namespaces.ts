/**
 * Linux namespaces. Each has an inode number, shown as `pid:[4026532201]` by `ls -l /proc/PID/ns`.
 * The host's initial namespaces have the well-known low inode numbers; new ones count up from
 * 4026532xxx as the kernel allocates them (proc_alloc_inum).
 */
import type { NamespaceSet } from '../snapshot.ts';

export type NamespaceType = keyof NamespaceSet;
export const NAMESPACE_TYPES: readonly NamespaceType[] = ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup'];

export interface Namespace {
  readonly type: NamespaceType;
  readonly inode: number;
  /** Who created it: null for the host's initial namespaces, else the container ID. */
  readonly owner: string | null;
}

/** A PID namespace numbers its own processes from 1; its init is the process with PID 1. */
export interface PidNamespace extends Namespace {
  readonly type: 'pid';
  readonly parent: PidNamespace | null;
  readonly level: number;
  nextPid: number;
  /** Host PID of this namespace's init (PID 1), 0 before it exists or after it died. */
  initHostPid: number;
  /** Set when init has died: the kernel refuses new forks into the namespace (ENOMEM). */
  dead: boolean;
}

export interface UtsNamespace extends Namespace {
  readonly type: 'uts';
  hostname: string;
}

export type NamespaceRefs = {
  pid: PidNamespace;
  net: Namespace;
  mnt: Namespace;
  uts: UtsNamespace;
  ipc: Namespace;
  user: Namespace;
  cgroup: Namespace;
};

const HOST_INODES: Record<NamespaceType, number> = {
  cgroup: 4026531835, ipc: 4026531839, mnt: 4026531841, net: 4026531840, pid: 4026531836, user: 4026531837, uts: 4026531838,
};

export class NamespaceTable {
  #nextInode = 4026532161;
  readonly host: NamespaceRefs;

  constructor(hostname: string) {
    const mk = (type: NamespaceType): Namespace => ({ type, inode: HOST_INODES[type], owner: null });
    this.host = {
      pid: { type: 'pid', inode: HOST_INODES.pid, owner: null, parent: null, level: 0, nextPid: 1, initHostPid: 1, dead: false },
      net: mk('net'), mnt: mk('mnt'), ipc: mk('ipc'), user: mk('user'), cgroup: mk('cgroup'),
      uts: { type: 'uts', inode: HOST_INODES.uts, owner: null, hostname },
    };
  }

  #inode(): number {
    const n = this.#nextInode;
    this.#nextInode += 1;
    return n;
  }

  createPid(owner: string, parent: PidNamespace): PidNamespace {
    return { type: 'pid', inode: this.#inode(), owner, parent, level: parent.level + 1, nextPid: 1, initHostPid: 0, dead: false };
  }

  createUts(owner: string, hostname: string): UtsNamespace {
    return { type: 'uts', inode: this.#inode(), owner, hostname };
  }

  create(type: Exclude<NamespaceType, 'pid' | 'uts'>, owner: string): Namespace {
    return { type, inode: this.#inode(), owner };
  }
}

export function describeNamespaces(ns: NamespaceRefs): NamespaceSet {
  return {
    pid: `pid:[${ns.pid.inode}]`, net: `net:[${ns.net.inode}]`, mnt: `mnt:[${ns.mnt.inode}]`, uts: `uts:[${ns.uts.inode}]`,
    ipc: `ipc:[${ns.ipc.inode}]`, user: `user:[${ns.user.inode}]`, cgroup: `cgroup:[${ns.cgroup.inode}]`,
  };
}
