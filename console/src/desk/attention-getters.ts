// Issue 16: what gets an agent's attention to a new call when their eyes are elsewhere — the
// display's chime (Web Audio API: no sound file to download), the tab title blinking with the
// ticket's number, and a desktop notification once the agent allowed them. No React here.

const MUTE_KEY = 'ventanilla.callSound';
/** The agent's choice on this device; sound is on until they turn it off. */
export const chimeMuted = (): boolean => localStorage.getItem(MUTE_KEY) === 'off';
export const setChimeMuted = (muted: boolean): void => localStorage.setItem(MUTE_KEY, muted ? 'off' : 'on');

/** The display's two-tone chime (display/announce.ts), fetched with the first call. */
export async function playChime(): Promise<void> {
  const { audioContext, chime } = await import('../display/announce');
  // A context made before any click on the page starts suspended: resume it (the desk has had
  // clicks by the time a call comes: log-in, the desk picker, the state).
  const audio = audioContext();
  if (audio.state === 'suspended') await audio.resume();
  await chime();
}

/** Whether the agent is looking at this tab right now. */
export const tabWatched = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Blinks the tab title ("● A-012 · Ventanilla" / the page's own title) every second until the
 * tab is looked at or the returned function is called; the page's title comes back either way.
 */
export function flashTitle(text: string): () => void {
  const own = document.title;
  let on = false;
  const tick = () => {
    on = !on;
    document.title = on ? `● ${text} · ${own}` : own;
  };
  tick();
  const timer = window.setInterval(tick, 1000);
  const stop = () => {
    window.clearInterval(timer);
    window.removeEventListener('focus', onLook);
    document.removeEventListener('visibilitychange', onLook);
    document.title = own;
  };
  const onLook = () => {
    if (tabWatched()) stop();
  };
  window.addEventListener('focus', onLook);
  document.addEventListener('visibilitychange', onLook);
  return stop;
}

export type DesktopPermission = NotificationPermission | 'unsupported';
export const desktopPermission = (): DesktopPermission =>
  'Notification' in window ? Notification.permission : 'unsupported';

/** A desktop notification, only when the agent allowed them; a click brings the desk forward. */
export function notifyDesktop(title: string, body: string, tag: string): void {
  if (desktopPermission() !== 'granted') return;
  const n = new Notification(title, { body, tag });
  n.onclick = () => {
    window.focus();
    n.close();
  };
}
