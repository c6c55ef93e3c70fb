// Issue 17: why the guest's camera or microphone is missing, in plain words that say what it
// means for the call and what to do — never the browser's own message ("Permission denied").
import type { Dictionary } from '../i18n/es';
import { mediaCode } from '../video/media-failure';

/** The sentence for the device check; undefined when the browser gave both camera and microphone. */
export function mediaProblem(t: Dictionary, stream: MediaStream | null, failure: unknown): string | undefined {
  if (failure === undefined) return undefined;
  const video = (stream?.getVideoTracks().length ?? 0) > 0;
  const audio = (stream?.getAudioTracks().length ?? 0) > 0;
  const missing = audio && !video ? 'camera' : video && !audio ? 'microphone' : 'both';
  const fix = mediaCode(failure) ?? 'unknown';
  return [t.video.mediaLead[missing], t.video.mediaThen[missing], t.video.mediaFix[fix]].join(' ');
}
