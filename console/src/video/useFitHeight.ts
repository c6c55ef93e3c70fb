// Issue 16: a call is one screen high wherever it is mounted — alone (the guest's page, under its
// brand line) or under the desk's own header — so its controls, T&C and chat input are never
// below the fold. Its height is the window's less what the page shows above it; on a phone, where
// the call's parts stack, the page scrolls as usual (video.css).
import { useLayoutEffect, type RefObject } from 'react';

const PHONE = '(max-width: 600px)';
/** Below this the call's parts no longer fit side by side: the page scrolls instead. */
const MIN_PX = 440;
const BOTTOM_GAP_PX = 16;

export function useFitHeight(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      if (window.matchMedia(PHONE).matches) {
        el.style.removeProperty('height');
        return;
      }
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(MIN_PX, window.innerHeight - top - BOTTOM_GAP_PX)}px`;
    };
    fit();
    // What is above it may change height too (a notice appears, the desk's header wraps).
    const above = new ResizeObserver(fit);
    above.observe(document.body);
    window.addEventListener('resize', fit);
    return () => {
      above.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [ref]);
}
