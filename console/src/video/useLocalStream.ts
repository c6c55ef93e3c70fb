// Camera and microphone for the call, asked for once and released when the call screen goes.
import { useEffect, useState } from 'react';

/** `failure`: why the browser gave no camera or microphone (worded by i18n/errors.ts errorText). */
export function useLocalStream(given?: MediaStream | null): { stream: MediaStream | null; failure: unknown } {
  const [stream, setStream] = useState<MediaStream | null>(given ?? null);
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    if (given) return;
    let mine: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } }).then(
      (s) => {
        if (cancelled) return s.getTracks().forEach((tr) => tr.stop());
        mine = s;
        setStream(s);
      },
      (err: unknown) => setFailure(err),
    );
    return () => {
      cancelled = true;
      mine?.getTracks().forEach((tr) => tr.stop());
    };
  }, [given]);
  return { stream: given ?? stream, failure };
}
