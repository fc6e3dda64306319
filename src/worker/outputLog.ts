/**
 * Terminal output kept to redraw a screen: chunks, the oldest dropped beyond `max` characters,
 * with the total ever written. The client keeps one (a terminal that mounts late shows the whole
 * session); the host keeps the present's while time travel shows a past screen.
 */
export const MAX_SCREEN_CHARS = 512 * 1024;

export class OutputLog {
  #chunks: string[] = [];
  #size = 0;
  /** Characters ever added (dropped ones included). */
  total = 0;
  readonly #max: number;

  constructor(max = MAX_SCREEN_CHARS) {
    this.#max = max;
  }

  add(data: string): void {
    this.#chunks.push(data);
    this.#size += data.length;
    this.total += data.length;
    while (this.#size > this.#max && this.#chunks.length > 1) this.#size -= this.#chunks.shift()!.length;
  }

  /** Starts over with `data` (another moment's screen). */
  reset(data: string): void {
    this.#chunks = [];
    this.#size = 0;
    this.total = 0;
    this.add(data);
  }

  get empty(): boolean {
    return this.#size === 0;
  }

  text(): string {
    return this.#chunks.join('');
  }
}
