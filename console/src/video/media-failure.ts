// Why the browser gave no camera or microphone: getUserMedia's DOMException names, as the
// dictionary's codes (errors.media_*, video.mediaFix.media_*). Kept with the video code, not in
// i18n/errors.ts: the guest's device check then loads without the console's error wording.

const MEDIA: Record<string, 'media_denied' | 'media_missing' | 'media_busy'> = {
  NotAllowedError: 'media_denied',
  SecurityError: 'media_denied',
  NotFoundError: 'media_missing',
  OverconstrainedError: 'media_missing',
  NotReadableError: 'media_busy',
  AbortError: 'media_busy',
};

/** Which of the camera and microphone refusals `err` is; undefined when it is none of them. */
export const mediaCode = (err: unknown): (typeof MEDIA)[string] | undefined =>
  err instanceof DOMException && Object.hasOwn(MEDIA, err.name) ? MEDIA[err.name] : undefined;
