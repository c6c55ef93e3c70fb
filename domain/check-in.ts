// Issue 20: the appointment's check-in code, typed or scanned (a QR holding just the code, read by
// a keyboard-wedge scanner) at the kiosk. No zod: the kiosk's public build imports this.

/** Eight characters without look-alikes (no 0/O, 1/I/L); db migration 072 draws them. */
export const CHECK_IN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_LENGTH = 8;
const SHAPE = new RegExp(`^[${CHECK_IN_CODE_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`);

/** The code in what was typed (case, spaces and dashes are how people copy it), or null when it cannot be one. */
export function checkInCodeOf(typed: string): string | null {
  const bare = typed.replace(/[\s-]/g, '').toUpperCase();
  return SHAPE.test(bare) ? bare : null;
}
