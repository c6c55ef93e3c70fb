// The one conversion of stored instants to what the API and the workflows carry: pg returns
// timestamptz columns as Date; an instant already turned into text (an aggregate, a value the
// workflow sent) passes as it is.
type Stored = Date | string;

export function iso(v: Stored): string;
export function iso(v: Stored | null | undefined): string | null;
export function iso(v: Stored | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : v;
}
