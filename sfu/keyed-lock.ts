/**
 * Runs async functions one at a time per key (FIFO), e.g. so two concurrent joins of the same
 * room cannot both see "no room yet" and create two routers.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn);
    // The tail only orders the next caller; this caller gets its own outcome through `result`,
    // so settling the tail on rejection hides nothing.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.#tails.size;
  }
}
