// Camera and microphone for the call, asked for once and released when the call screen goes (or
// `enabled` turns false: a guest who left the call is not left with the camera light on).
// Issue 17: what the browser gives is used — a camera missing, busy or refused still leaves the
// microphone (an audio-only call), and a microphone missing still leaves the camera.
import { useEffect, useState } from 'react';

export type LocalStream = {
  /** Whatever could be had: audio and video, one of them, or nothing. */
  stream: MediaStream | null;
  /** Why the camera or microphone (or both) is missing from `stream` (worded by i18n/errors.ts). */
  failure: unknown;
  /** The browser has answered (with a stream, a failure or both). */
  settled: boolean;
};

const CAMERA = { width: 640, height: 480 };

async function bestStream(): Promise<{ stream: MediaStream | null; failure: unknown }> {
  // No mediaDevices at all: an old browser, or a page not served over HTTPS.
  if (!navigator.mediaDevices?.getUserMedia)
    return { stream: null, failure: new DOMException('no media devices', 'NotSupportedError') };
  const ask = (c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c);
  try {
    return { stream: await ask({ audio: true, video: CAMERA }), failure: undefined };
  } catch (both) {
    // The first refusal says why: the one the person can act on ("allow the camera", "plug one in").
    for (const alone of [{ audio: true }, { video: CAMERA }]) {
      try {
        return { stream: await ask(alone), failure: both };
      } catch {
        // That one is unavailable too: try the other.
      }
    }
    return { stream: null, failure: both };
  }
}

export function useLocalStream({ enabled = true }: { enabled?: boolean } = {}): LocalStream {
  const [got, setGot] = useState<{ stream: MediaStream | null; failure: unknown } | undefined>();
  useEffect(() => {
    if (!enabled) return;
    let mine: MediaStream | null = null;
    let cancelled = false;
    void bestStream().then((r) => {
      if (cancelled) return r.stream?.getTracks().forEach((tr) => tr.stop());
      mine = r.stream;
      setGot(r);
    });
    return () => {
      cancelled = true;
      mine?.getTracks().forEach((tr) => tr.stop());
      setGot(undefined);
    };
  }, [enabled]);
  return { stream: got?.stream ?? null, failure: got?.failure, settled: got !== undefined };
}
