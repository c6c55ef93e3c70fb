// The call's picture, both sides: the other person large, one's own picture inset in a corner
// (issue 16: one tile's height instead of two side by side, so the controls stay in view), and on
// each a mark when its microphone is muted or its camera is off — the other side's as the SFU
// announces it, one's own as one's controls set it.
import type { ReactNode } from 'react';
import type { MediaKind } from './sfu/types';
import type { LocalMedia } from './useMedia';
import { VideoTile, type MediaOff } from './VideoTile';
import { useI18n } from '../i18n';

export function VideoStage({
  remote,
  remoteName,
  remoteOff,
  local,
  localLabel,
  waiting,
}: {
  remote: MediaStream;
  /** The other person, once they are in the call; null while waiting for them. */
  remoteName: string | null;
  remoteOff?: Partial<Record<MediaKind, { paused: boolean }>>;
  local: LocalMedia;
  localLabel?: string;
  /** Shown in the other person's place until they join. */
  waiting: ReactNode;
}) {
  const t = useI18n().t.video;
  const hasLocalVideo = (local.stream?.getVideoTracks().length ?? 0) > 0;
  const theirs: MediaOff = { audio: remoteOff?.audio?.paused ?? false, video: remoteOff?.video?.paused ?? false };
  const mine: MediaOff = { audio: !local.micOn, video: hasLocalVideo && !local.camOn };
  return (
    <div className="vc-stage">
      {remoteName === null ? (
        <div className="vc-tile vc-tile-main vc-tile-waiting">{waiting}</div>
      ) : (
        <VideoTile
          stream={remote}
          label={remoteName}
          off={theirs}
          className="vc-tile-main"
          testId="remote-video"
          flagsTestId="remote-flags"
        />
      )}
      <VideoTile
        stream={local.stream}
        label={localLabel ?? (hasLocalVideo ? t.you : t.youAudioOnly)}
        muted
        off={mine}
        className="vc-tile-self"
        testId="local-video"
        flagsTestId="local-flags"
      />
    </div>
  );
}
