// The agent's open shift (A3–A12), as the server has it: one query every screen reads. Every
// change is a server call that invalidates it (and the socket's shift and ticket events do too),
// so a reload or a reconnect shows the same state.
import type { ShiftView } from '@domain/contracts/shifts';
import { useQuery } from '@tanstack/react-query';
import { useErrorText } from '../api/mutation';
import { shiftQuery } from '../api/queries';

export function useShift(): { shift: ShiftView | null | undefined; error: string | null } {
  const q = useQuery(shiftQuery);
  return { shift: q.data, error: useErrorText(q.error) };
}
