/**
 * The host's disk: one block device of fixed capacity under `/` and `/var/lib/docker`, shared by
 * the host's own files, the image layers (overlay2 `diff/` dirs), the containers' read-write
 * layers and the volumes (all under /var/lib/docker on the same filesystem, as on a Docker
 * Desktop VM or a one-disk Linux host). tmpfs mounts are not on it.
 *
 * Usage is a counter moved by whoever writes (`FileTree`/`OverlayFs` writes and removes, the
 * image store's layer registration and deletion), never recomputed by walking trees, so a tick
 * costs nothing. A write that would pass the capacity fails with ENOSPC and takes nothing.
 *
 * Inodes too: ext4 makes one per 16 KiB of disk (mke2fs's default inode_ratio) and answers ENOSPC
 * when they run out, however much space is free — what stops a loop making empty files. Counted
 * for the host's files and the containers' r/w layers (not for image layers' files).
 *
 * NOTE: no ext4 reserved blocks and no block rounding: `used` is the bytes of regular files.
 */
export class Disk {
  /** Size of the filesystem in bytes. */
  readonly capacity: number;
  /** Bytes in use. */
  used = 0;
  /** Bumped on every change. */
  rev = 0;
  /** Inodes the filesystem has (capacity / 16 KiB, mke2fs's default inode_ratio). */
  readonly inodeCapacity: number;
  inodesUsed = 0;

  /** `inodes`: how many the filesystem has (default: one per 16 KiB, and at least 1,024 on a toy-sized disk). */
  constructor(capacity: number, inodes = Math.max(1024, Math.floor(capacity / 16384))) {
    this.capacity = capacity;
    this.inodeCapacity = inodes;
  }

  /** Whether `count` more inodes are free. */
  hasInodes(count: number): boolean {
    return count <= 0 || this.inodesUsed + count <= this.inodeCapacity;
  }

  /** Moves the inode counter (no check: callers ask `hasInodes` first where a new file could fail). */
  chargeInodes(count: number): void {
    if (count === 0) return;
    this.inodesUsed = Math.max(0, this.inodesUsed + count);
    this.rev += 1;
  }

  get available(): number {
    return Math.max(0, this.capacity - this.used);
  }

  /** Whether `bytes` more would fit. */
  fits(bytes: number): boolean {
    return bytes <= 0 || this.used + bytes <= this.capacity;
  }

  /** Takes `bytes` (or gives back a negative amount); false (and nothing taken) when they do not fit: ENOSPC. */
  allocate(bytes: number): boolean {
    if (!this.fits(bytes)) return false;
    this.charge(bytes);
    return true;
  }

  /** Moves the counter without a capacity check (copy-ups, renames, boot content). */
  charge(bytes: number): void {
    if (bytes === 0) return;
    this.used = Math.max(0, this.used + bytes);
    this.rev += 1;
  }
}
