import { useEffect, useRef } from 'react';

/** One video (and its sound, unless muted: our own preview is always muted). */
export function VideoTile({
  stream,
  label,
  muted,
  testId,
}: {
  stream: MediaStream | null;
  label: string;
  muted?: boolean;
  testId: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || el.srcObject === stream) return;
    el.srcObject = stream;
    el.play().catch((err: unknown) => console.warn('video autoplay refused', err));
  }, [stream]);
  return (
    <figure className="vc-tile">
      <video ref={ref} autoPlay playsInline muted={muted} data-testid={testId} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
