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
 * NOTE: no ext4 reserved blocks and no block rounding: `used` is the bytes of regular files.
 */
export class Disk {
  /** Size of the filesystem in bytes. */
  readonly capacity: number;
  /** Bytes in use. */
  used = 0;
  /** Bumped on every change. */
  rev = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
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
