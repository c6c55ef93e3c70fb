// Camera and microphone for the call, asked for once and released when the call screen goes.
import { useEffect, useState } from 'react';

export function useLocalStream(given?: MediaStream | null): { stream: MediaStream | null; error: string | null } {
  const [stream, setStream] = useState<MediaStream | null>(given ?? null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given) return;
    let mine: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } }).then((s) => {
      if (cancelled) return s.getTracks().forEach((tr) => tr.stop());
      mine = s;
      setStream(s);
    }, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    return () => {
      cancelled = true;
      mine?.getTracks().forEach((tr) => tr.stop());
    };
  }, [given]);
  return { stream: given ?? stream, error };
}
