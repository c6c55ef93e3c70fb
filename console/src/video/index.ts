export { VideoCall, type VideoCallProps } from './VideoCall';
export { SfuClient } from './sfu-client';
