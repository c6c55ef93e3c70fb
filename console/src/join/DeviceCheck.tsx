// Before joining: the customer sees their camera and hears (as a level bar) their microphone.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import { VideoTile } from '../video/VideoTile';

function useMicLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
      setLevel(peak / 128);
    }, 100);
    return () => {
      clearInterval(timer);
      void ctx.close();
    };
  }, [stream]);
  return level;
}

/** `failure`: why the browser gave no camera or microphone, if it did not. */
export function DeviceCheck({
  stream,
  failure,
  onJoin,
}: {
  stream: MediaStream | null;
  failure: unknown;
  onJoin(): void;
}) {
  const { t } = useI18n();
  const level = useMicLevel(stream);
  return (
    <section className="vc" data-testid="device-check">
      <h2>{t.video.checkTitle}</h2>
      {failure !== undefined && (
        <p role="alert" className="vc-error">
          {errorText(t, failure)}
        </p>
      )}
      <div style={{ maxWidth: 420 }}>
        <VideoTile stream={stream} label={t.video.you} muted testId="preview-video" />
      </div>
      <p>{t.video.micLevel}</p>
      <div
        className="vc-meter"
        role="meter"
        aria-label={t.video.micLevel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
      >
        <span style={{ width: `${Math.min(100, Math.round(level * 300))}%` }} />
      </div>
      <p>
        <button type="button" onClick={onJoin} disabled={!stream}>
          {t.video.join}
        </button>
      </p>
    </section>
  );
}
