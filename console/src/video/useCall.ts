// One participant's call: joins with a grant, follows the other side's tracks and the room's
// facts (chat, T&C, tags), and reports its presence for the ticket's timeline.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { logUnexpected } from '../api/errors';
import { roomApi, type ChatMessage, type Grant, type RoomApi, type Tag } from './call-api';
import type { RoomFact } from '@domain/contracts/video';
import { SfuClient, type RemoteMedia } from './sfu-client';
import type { PeerInfo } from './sfu/types';

export type Terms = { termsId: string; text: string; accepted?: boolean };
export type CallStatus = 'connecting' | 'live' | 'ended' | 'error';

export type Call<G extends Grant> = {
  /** Why the call could not start (status 'error'), as thrown. */
  status: CallStatus;
  failure: unknown;
  grant: G | null;
  client: SfuClient | null;
  api: RoomApi | null;
  remote: MediaStream;
  peers: PeerInfo[];
  /** What each other peer sends, and whether it is paused (issue 16: remote mute and camera-off). */
  remoteMedia: RemoteMedia;
  messages: ChatMessage[];
  terms: Terms | null;
  tags: Tag[];
  addMessage(m: ChatMessage): void;
  addTag(t: Tag): void;
  setTerms(t: Terms): void;
  leave(): void;
};

const newSessionId = (): string => crypto.randomUUID();

/** `G`: the agent's grant (with the guest link) or the guest's. */
export function useCall<G extends Grant>(getGrant: () => Promise<G>): Call<G> {
  const [status, setStatus] = useState<CallStatus>('connecting');
  const [failure, setFailure] = useState<unknown>();
  const [grant, setGrant] = useState<G | null>(null);
  const [client, setClient] = useState<SfuClient | null>(null);
  const [remote, setRemote] = useState(() => new MediaStream());
  const [peers, setPeers] = useState<PeerInfo[]>([]);
  const [remoteMedia, setRemoteMedia] = useState<RemoteMedia>({});
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [terms, setTerms] = useState<Terms | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const api = useMemo(() => (grant ? roomApi(grant) : null), [grant]);
  const sessionId = useRef(newSessionId()).current;
  // video_left for the timeline; refused (409) once the ticket left calling/attending, which
  // the timeline already shows as transferred or ended.
  const reportLeft = useCallback(
    (rest: RoomApi | null) => {
      rest?.presence('left', sessionId).catch((err: unknown) => console.warn('video_left not recorded', err));
    },
    [sessionId],
  );

  const addMessage = useCallback(
    (m: ChatMessage) => setMessages((all) => (all.some((x) => x.id === m.id) ? all : [...all, m])),
    [],
  );
  const addTag = useCallback((t: Tag) => setTags((all) => (all.some((x) => x.id === t.id) ? all : [...all, t])), []);

  useEffect(() => {
    let live: SfuClient | null = null;
    let cancelled = false;
    let rest: RoomApi | null = null;
    const onPageHide = () => reportLeft(rest);
    const onEvent = (e: RoomFact) => {
      if (e.type === 'chat') addMessage(e.message);
      else if (e.type === 'tag') addTag(e.tag);
      else if (e.type === 'terms_sent') setTerms({ termsId: e.termsId, text: e.text });
      else if (e.type === 'terms_answered')
        setTerms((t) => (t && t.termsId === e.termsId ? { ...t, accepted: e.accepted } : t));
    };
    const start = async () => {
      const g = await getGrant();
      if (cancelled) return;
      setGrant(g);
      const c = await SfuClient.join(g.sfuUrl, g.token);
      if (cancelled) return c.close();
      live = c;
      c.on('peers', setPeers);
      c.on('remoteMedia', setRemoteMedia);
      setRemoteMedia(c.remoteMedia);
      c.on('roomEvent', onEvent);
      c.on('track', ({ track }) =>
        setRemote((s) => new MediaStream([...s.getTracks().filter((t) => t.kind !== track.kind), track])),
      );
      c.on('trackEnded', () => undefined);
      c.on('ended', () => setStatus('ended'));
      setPeers(c.peers);
      setClient(c);
      setStatus('live');
      rest = roomApi(g);
      window.addEventListener('pagehide', onPageHide);
      setMessages(await rest.messages());
      await rest.presence('joined', sessionId);
    };
    start().catch((err: unknown) => {
      logUnexpected(err);
      setFailure(err);
      setStatus('error');
    });
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', onPageHide);
      if (live) reportLeft(rest);
      live?.close();
    };
  }, [getGrant, addMessage, addTag, sessionId, reportLeft]);

  const leave = useCallback(() => {
    client?.close();
    setStatus('ended');
  }, [client]);

  return {
    status,
    failure,
    grant,
    client,
    api,
    remote,
    peers,
    remoteMedia,
    messages,
    terms,
    tags,
    addMessage,
    addTag,
    setTerms,
    leave,
  };
}
