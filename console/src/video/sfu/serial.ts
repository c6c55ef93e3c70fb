/** Runs async tasks one after the other: SDP offer/answer rounds must never interleave. */
export class Serial {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(task, task);
    // The chain goes on after a failure; the caller still gets the rejection.
    this.#tail = next.then(() => undefined, () => undefined);
    return next;
  }
}
