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
                <MicOffIcon /> {t.micMuted}
              </span>
            )}
            {off.video && (
              <span className="vc-flag">
                <CamOffIcon /> {t.camOff}
              </span>
            )}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** Drawn, not emoji: a computer without an emoji font shows a box for those. */
const MicOffIcon = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3M3 3l18 18" />
  </svg>
);
const CamOffIcon = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
    <rect x="2" y="6" width="14" height="12" rx="2" />
    <path d="M16 10l6-3v10l-6-3M3 3l18 18" />
  </svg>
);
