import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/** Whether this side's microphone is muted (audio) or its camera is off (video). */
export type MediaOff = { audio: boolean; video: boolean };

/**
 * One video (and its sound, unless muted: our own preview is always muted). A muted microphone
 * or a camera turned off is written on the tile (issue 16), in words as well as a symbol; a
 * camera off also hides the frozen last frame behind the person's initial.
 */
export function VideoTile({
  stream,
  label,
  muted,
  off,
  className,
  testId,
  flagsTestId,
}: {
  stream: MediaStream | null;
  label: string;
  muted?: boolean;
  off?: MediaOff;
  className?: string;
  testId: string;
  flagsTestId?: string;
}) {
  const t = useI18n().t.videoDesk;
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || el.srcObject === stream) return;
    el.srcObject = stream;
    el.play().catch((err: unknown) => console.warn('video autoplay refused', err));
  }, [stream]);
  return (
    <figure className={`vc-tile ${className ?? ''}`}>
      <video ref={ref} autoPlay playsInline muted={muted} data-testid={testId} />
      {off?.video && (
        <div className="vc-tile-blank" aria-hidden="true">
          <span>{label.trim().charAt(0).toLocaleUpperCase()}</span>
        </div>
      )}
      <figcaption>
        <span className="vc-tile-name">{label}</span>
        {(off?.audio || off?.video) && (
          <span className="vc-tile-flags" data-testid={flagsTestId}>
            {off.audio && (
              <span className="vc-flag">
                <span aria-hidden="true">🔇</span> {t.micMuted}
              </span>
            )}
            {off.video && (
              <span className="vc-flag">
                <span aria-hidden="true">📷</span> {t.camOff}
              </span>
            )}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
