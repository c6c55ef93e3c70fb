// Polls until `fn` answers something truthy, or fails naming what it waited for. Tests wait on
// workflows and rows that settle asynchronously; a timed-out wait says which fact never came.
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 20_000,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
