/**
 * A counting semaphore: at most `size` holders at a time, the others wait in arrival order.
 *
 * @example
 * const slots = new Slots(2);
 * const release = await slots.acquire();
 * try { await work(); } finally { release(); }
 */
export class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#free = Math.max(1, size);
  }

  async acquire(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot take it first.
      if (next) next();
      else this.#free++;
    };
  }
}
