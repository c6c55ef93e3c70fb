// Issue 17: a customer waiting with the phone in a pocket learns they are called. The tab's
// title says it, the phone vibrates where the browser can, and a chime sounds once the customer
// has touched the page — browsers let a page play sound only after a gesture on it.
import type { TicketStatus } from '@domain/tickets';
import { useCallback, useEffect, useRef, useState } from 'react';

// The chime's code comes just after the page, not with it: one request fewer before the page
// shows on a slow line (issue 17, bench-screens). It is here by the first touch, whose handler
// must start the audio synchronously (Safari on iOS starts it only inside the gesture).
type Announce = typeof import('../display/announce');
const announce = (): Promise<Announce> => import('../display/announce');

// Safari has no idle callback (its types say every browser has): there, right after this task.
const hasIdle = typeof window.requestIdleCallback === 'function';
/** Runs `run` once the main thread is idle; returns what cancels it. */
function whenIdle(run: () => void): () => void {
  if (hasIdle) {
    const id = window.requestIdleCallback(run, { timeout: 2_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/** Long enough to be felt through a pocket, short enough not to alarm. */
const VIBRATION = [400, 200, 400, 200, 800];

/** `ready` once the page was touched (or a key pressed) and its audio started; `unlock` starts it. */
export function useSoundUnlock(): { ready: boolean; unlock(): void } {
  const [ready, setReady] = useState(false);
  const loaded = useRef<Announce | null>(null);
  useEffect(() => {
    let cancelIdle = () => {};
    let gone = false;
    announce().then(
      (m) => {
        loaded.current = m;
        // The audio context, made (suspended) while the page is idle: the first touch then only
        // resumes it. Made by that touch, it held the touch's answer ~0.1 s on a slow phone
        // (bench-screens: the status page's "Salir de la fila").
        if (!gone) cancelIdle = whenIdle(() => m.audioContext());
      },
      (err: unknown) => console.warn('the chime did not load; a touch asks again', err),
    );
    return () => {
      gone = true;
      cancelIdle();
    };
  }, []);
  const unlock = useCallback(() => {
    const start = (m: Announce) => m.audioContext().resume();
    (loaded.current ? start(loaded.current) : announce().then(start)).then(
      () => setReady(true),
      (err: unknown) => console.warn('audio did not start', err),
    );
  }, []);
  useEffect(() => {
    if (ready) return;
    // A click, not a pointerdown: the offer's button stays under the finger until its tap is done.
    const opts = { capture: true, passive: true } as const;
    window.addEventListener('click', unlock, opts);
    window.addEventListener('keydown', unlock, opts);
    return () => {
      window.removeEventListener('click', unlock, opts);
      window.removeEventListener('keydown', unlock, opts);
    };
  }, [ready, unlock]);
  return { ready, unlock };
}

/**
 * Vibrates and (when `soundReady`) chimes as the ticket becomes called while the page is open;
 * a page opened on a ticket already called shows it but does not ring.
 */
export function useCallAlert(status: TicketStatus | undefined, soundReady: boolean): void {
  const last = useRef<TicketStatus | undefined>(undefined);
  useEffect(() => {
    const before = last.current;
    last.current = status;
    if (status !== 'calling' || before === undefined || before === 'calling') return;
    if ('vibrate' in navigator) navigator.vibrate(VIBRATION);
    if (soundReady)
      announce()
        .then(({ chime }) => chime())
        .catch((err: unknown) => console.warn('chime failed', err));
  }, [status, soundReady]);
}

/** The tab's title: the ticket while it waits, "you are called" while it is called; the old title back on leaving. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
