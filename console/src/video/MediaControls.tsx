// D5/D6/D8/D9: the controls both sides share, in one bar. The device settings open over the call
// (issue 16), so opening them never pushes the bar out of view.
import { useState, type ReactNode } from 'react';
import { DeviceSettings, type DeviceKind } from './DeviceSettings';
import { useI18n } from '../i18n';
import type { LocalMedia } from './useMedia';

/** The device each kind's live track uses. */
const inUse = (stream: MediaStream | null): Record<DeviceKind, string> => {
  const of = (track: MediaStreamTrack | undefined) => track?.getSettings().deviceId ?? '';
  return { audioinput: of(stream?.getAudioTracks()[0]), videoinput: of(stream?.getVideoTracks()[0]) };
};

export function MediaControls({
  media,
  canShare,
  children,
}: {
  media: LocalMedia;
  canShare: boolean;
  children?: ReactNode;
}) {
  const t = useI18n().t.video;
  const [settings, setSettings] = useState(false);
  const act = (p: Promise<void>) => p.catch((err: unknown) => console.error('media control failed', err));
  // A call without a camera (or a microphone) has nothing of that kind to switch (issue 17, audio-only).
  const has = (kind: 'audio' | 'video') => media.stream?.getTracks().some((tr) => tr.kind === kind) ?? false;
  return (
    <div className="vc-controls">
      {has('audio') && (
        <button type="button" aria-pressed={!media.micOn} onClick={() => void act(media.toggleMic())}>
          {media.micOn ? t.micOff : t.micOn}
        </button>
      )}
      {has('video') && (
        <button type="button" aria-pressed={!media.camOn} onClick={() => void act(media.toggleCam())}>
          {media.camOn ? t.cameraOff : t.cameraOn}
        </button>
      )}
      {canShare && (
        <button type="button" onClick={() => void act(media.sharing ? media.stopShare() : media.share())}>
          {media.sharing ? t.stopShare : t.share}
        </button>
      )}
      <button type="button" aria-expanded={settings} onClick={() => setSettings(!settings)}>
        {t.settings}
      </button>
      {children}
      {settings && (
        <DeviceSettings current={inUse(media.stream)} onPick={(kind, id) => void act(media.useDevice(kind, id))} />
      )}
    </div>
  );
}
