// Live events make cached answers stale (react-query invalidation), so whatever is on screen —
// the ticket list, a ticket and its timeline, the shifts, a branch's monitor — refetches itself;
// what is not on screen is only marked stale, and refetched when it shows again.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveEvents, type LiveEvent } from './live';
import { queryKeys } from './queryKeys';

/** What an event makes stale. react-admin's keys are [resource, method, params]; params match partially. */
function staleBy(e: LiveEvent): QueryKey[] {
  // Issue 19: the bell, the alerts list and the branch's monitor.
  if (e.kind === 'alert') return [['alerts'], queryKeys.snapshot(e.branchId)];
  if (e.kind === 'shift') return [['shifts'], queryKeys.snapshot(e.branchId)];
  const keys: QueryKey[] = [
    ['tickets', 'getList'],
    ['tickets', 'getOne', { id: e.ticketId }],
    queryKeys.timeline(e.ticketId),
    queryKeys.snapshot(e.branchId),
  ];
  // The customer shown beside the ticket (and in the customers list) changed with it.
  if (e.type === 'customer_edited') keys.push(['customers']);
  return keys;
}

/** Invalidates at most once per `ms`: a ticket's steps come in bursts, and one refetch covers a burst. */
export function LiveInvalidation({ ms = 400 }: { ms?: number }) {
  const queryClient = useQueryClient();
  const pending = useRef(new Map<string, QueryKey>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    for (const key of staleBy(e)) pending.current.set(JSON.stringify(key), key);
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      const due = [...pending.current.values()];
      pending.current.clear();
      // invalidateQueries does not reject (throwOnError is off): nothing to catch.
      for (const queryKey of due) void queryClient.invalidateQueries({ queryKey });
    }, ms);
  });
  return null;
}
