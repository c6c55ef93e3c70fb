// Before joining: the customer sees their camera and hears (as a level bar) their microphone.
// Issue 17: a missing or refused camera (or microphone) is explained, and Join stays possible
// with whatever the browser gave — sound only, or only the chat.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { LocalStream } from '../video/useLocalStream';
import { VideoTile } from '../video/VideoTile';
import { mediaProblem } from './mediaProblem';

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

export function DeviceCheck({ local, onJoin }: { local: LocalStream; onJoin(): void }) {
  const { t } = useI18n();
  const { stream, failure, settled } = local;
  const level = useMicLevel(stream);
  const video = (stream?.getVideoTracks().length ?? 0) > 0;
  const audio = (stream?.getAudioTracks().length ?? 0) > 0;
  const problem = mediaProblem(t, stream, failure);
  return (
    <section className="vc" data-testid="device-check">
      <h1 className="vc-title">{t.video.checkTitle}</h1>
      {problem && (
        <p role="alert" className="vc-notice" data-testid="media-problem">
          {problem}
        </p>
      )}
      {video && (
        <div className="vc-preview">
          <VideoTile stream={stream} label={t.video.you} muted testId="preview-video" />
        </div>
      )}
      {audio && (
        <>
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
        </>
      )}
      <p>
        <button type="button" className="vc-primary" onClick={onJoin} disabled={!settled}>
          {audio && !video ? t.video.joinAudioOnly : t.video.join}
        </button>
      </p>
    </section>
  );
}
