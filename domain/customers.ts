// A customer as staff may see one that already exists (issue 12, item 4): enough to recognise
// her, with contact details masked, so "use this customer" is a choice and never a leak.

export interface KnownCustomer {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  idNumber: string | null;
}

/** a***@mail.com: the first letter and the domain. */
export const maskEmail = (e: string | null): string | null => {
  if (!e) return null;
  const at = e.indexOf('@');
  return at > 0 ? `${e[0]}***${e.slice(at)}` : '***';
};

/** ***4567: the last four characters. */
export const maskTail = (v: string | null): string | null => (v ? `***${v.slice(-4)}` : null);
