/** A small typed event emitter (the browser has none that types its payloads). */
export class Emitter<E extends Record<string, unknown>> {
  readonly #handlers = new Map<keyof E, Set<(payload: never) => void>>();

  on<K extends keyof E>(event: K, handler: (payload: E[K]) => void): () => void {
    const set = this.#handlers.get(event) ?? new Set();
    set.add(handler as (payload: never) => void);
    this.#handlers.set(event, set);
    return () => set.delete(handler as (payload: never) => void);
  }

  protected emit<K extends keyof E>(event: K, payload: E[K]): void {
    for (const h of this.#handlers.get(event) ?? []) (h as (p: E[K]) => void)(payload);
  }
}
