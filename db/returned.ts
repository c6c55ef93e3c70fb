// An insert or update `.returning('*')` of exactly one row: that row. An empty answer means the
// row vanished under the writer's lock, which no caller can handle; it fails loudly.
export function returned<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected the written row back, got none');
  return row;
}
