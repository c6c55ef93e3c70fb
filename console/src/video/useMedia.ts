// The local side of a call: camera and microphone (D5/D6), device choice (D9), screen share (D8).
// Track switches go through `publish`, which replaces the track on the existing producer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SfuClient } from './sfu-client';

export type LocalMedia = {
  stream: MediaStream | null;
  camOn: boolean;
  micOn: boolean;
  sharing: boolean;
  toggleCam(): Promise<void>;
  toggleMic(): Promise<void>;
  share(): Promise<void>;
  stopShare(): Promise<void>;
  useDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void>;
};

export function useMedia(client: SfuClient | null, initial: MediaStream | null): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(initial);
  const [camOn, setCamOn] = useState(true);
  const [micOn, setMicOn] = useState(true);
  const [sharing, setSharing] = useState(false);
  const camera = useRef<MediaStreamTrack | null>(null);
  const screen = useRef<MediaStreamTrack | null>(null);

  useEffect(() => setStream(initial), [initial]);
  useEffect(() => {
    if (!client || !initial) return;
    camera.current = initial.getVideoTracks()[0] ?? null;
    const publishAll = async () => {
      for (const track of initial.getTracks()) await client.publish(track);
    };
    publishAll().catch((err: unknown) => console.error('publishing the camera and microphone failed', err));
  }, [client, initial]);

  const toggleCam = useCallback(async () => {
    await client?.setPaused('video', camOn);
    setCamOn(!camOn);
  }, [client, camOn]);
  const toggleMic = useCallback(async () => {
    await client?.setPaused('audio', micOn);
    setMicOn(!micOn);
  }, [client, micOn]);

  const stopShare = useCallback(async () => {
    screen.current?.stop();
    screen.current = null;
    setSharing(false);
    if (camera.current) await client?.publish(camera.current);
  }, [client]);
  const share = useCallback(async () => {
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = display.getVideoTracks()[0];
    if (!track) return;
    screen.current = track;
    // The browser's own "stop sharing" bar ends the track: go back to the camera then.
    track.addEventListener('ended', () => void stopShare());
    await client?.publish(track);
    setSharing(true);
  }, [client, stopShare]);

  const useDevice = useCallback(
    async (kind: 'audioinput' | 'videoinput', deviceId: string) => {
      const constraints =
        kind === 'audioinput'
          ? { audio: { deviceId: { exact: deviceId } } }
          : { video: { deviceId: { exact: deviceId } } };
      const fresh = (await navigator.mediaDevices.getUserMedia(constraints)).getTracks()[0];
      if (!fresh) return;
      const old = stream?.getTracks().find((t) => t.kind === fresh.kind);
      fresh.enabled = fresh.kind === 'audio' ? micOn : camOn;
      if (fresh.kind === 'video') camera.current = fresh;
      if (fresh.kind === 'audio' || !sharing) await client?.publish(fresh);
      old?.stop();
      setStream(new MediaStream([...(stream?.getTracks().filter((t) => t !== old) ?? []), fresh]));
    },
    [client, stream, micOn, camOn, sharing],
  );

  return { stream, camOn, micOn, sharing, toggleCam, toggleMic, share, stopShare, useDevice };
}
