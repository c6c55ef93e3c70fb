// Issue 17: where the keyboard's focus goes when the screen changes under it. A button that
// vanishes (or is disabled) while focused leaves the focus on <body>, and the next Tab starts
// over from the top of the page; these put it on what replaced the button instead.
import { useEffect, type RefObject } from 'react';

/** True when nothing has the focus (it fell to <body> because its element went away). */
export const focusIsLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

/**
 * Focuses `ref` when it appears (and whenever `key` changes) if the focus was lost meanwhile;
 * a person who is typing elsewhere keeps their place.
 */
export function useTakeLostFocus(ref: RefObject<HTMLElement | null>, key?: unknown): void {
  useEffect(() => {
    if (focusIsLost()) ref.current?.focus();
  }, [ref, key]);
}
