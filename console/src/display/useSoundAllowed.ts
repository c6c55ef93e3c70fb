// Issue 17: the display speaks to a room nobody is clicking in. Browsers start a page's audio
// suspended until someone touches it (autoplay policy) — unless launched to allow it (README,
// "The branch display"). This says whether sound plays, whether it is blocked, and turns it on at
// the first touch or key.
import { useCallback, useEffect, useState } from 'react';
import { audioContext } from './announce';

/** A browser that allows sound still starts its audio a moment after the page: only then is it "blocked". */
const GRACE_MS = 1_000;

export function useSoundAllowed(): { allowed: boolean; blocked: boolean; allow(): void } {
  const [allowed, setAllowed] = useState(() => audioContext().state === 'running');
  const [overdue, setOverdue] = useState(false);
  const allow = useCallback(() => {
    const ac = audioContext();
    ac.resume().then(
      () => setAllowed(ac.state === 'running'),
      (err: unknown) => console.warn('display audio did not start', err),
    );
  }, []);
  useEffect(() => {
    const ac = audioContext();
    const follow = () => setAllowed(ac.state === 'running');
    ac.addEventListener('statechange', follow);
    const timer = window.setTimeout(() => {
      follow();
      setOverdue(true);
    }, GRACE_MS);
    return () => {
      ac.removeEventListener('statechange', follow);
      window.clearTimeout(timer);
    };
  }, []);
  useEffect(() => {
    if (allowed) return;
    const opts = { capture: true, passive: true } as const;
    window.addEventListener('click', allow, opts);
    window.addEventListener('keydown', allow, opts);
    return () => {
      window.removeEventListener('click', allow, opts);
      window.removeEventListener('keydown', allow, opts);
    };
  }, [allowed, allow]);
  return { allowed, blocked: overdue && !allowed, allow };
}
