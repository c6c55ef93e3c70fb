// The call's HTTP side: join grants (session cookie or guest link), and the room-scoped facts
// (chat, files, T&C, tags, presence) authorised by the SFU join token as a bearer. Refusals are
// the console's ApiError, worded like every other refusal.
import { apiErrorOf, fetchApi } from '../api/errors';

export type Grant = {
  sfuUrl: string; token: string; roomId: string; peerId: string; openedAt: string;
  ticket: { id: string; number: string; status: string };
  guestUrl?: string; guestToken?: string; customerName?: string;
};
export type ChatFile = { id: string; name: string; mime: string; size: number };
export type ChatMessage = { id: number; senderType: 'user' | 'customer'; senderName: string; body: string | null; file: ChatFile | null; at: string };
export type Tag = { id: number; offsetMs: number; body: string; at: string };

async function send<T>(method: string, path: string, init: { bearer?: string; json?: unknown; raw?: Blob; headers?: Record<string, string>; keepalive?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.bearer) headers['authorization'] = `Bearer ${init.bearer}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetchApi(`/api${path}`, { method, credentials: 'same-origin', keepalive: init.keepalive, headers, body: init.raw ?? (init.json === undefined ? undefined : JSON.stringify(init.json)) });
  if (!res.ok) throw apiErrorOf(res.status, await res.text());
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const joinAsAgent = (ticketId: string) => send<Grant>('POST', `/video/tickets/${ticketId}/join`, { json: {} });
export const joinAsGuest = (guestToken: string) => send<Grant>('POST', `/video/guest/${encodeURIComponent(guestToken)}/join`, { json: {} });

/** Everything a participant does in its room, bound to its grant. */
export function roomApi(grant: Grant) {
  const base = `/video/rooms/${grant.roomId}`;
  const bearer = grant.token;
  return {
    messages: () => send<ChatMessage[]>('GET', `${base}/messages`, { bearer }),
    say: (body: string) => send<ChatMessage>('POST', `${base}/messages`, { bearer, json: { body } }),
    upload: (file: File) => send<ChatMessage>('POST', `${base}/files`, { bearer, raw: file, headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': 'application/octet-stream' } }),
    tag: (body: string) => send<Tag>('POST', `${base}/tags`, { bearer, json: { body } }),
    sendTerms: (text: string) => send<{ termsId: string }>('POST', `${base}/terms`, { bearer, json: { text } }),
    answerTerms: (termsId: string, accepted: boolean) => send<void>('POST', `${base}/terms/answer`, { bearer, json: { termsId, accepted } }),
    // keepalive: a `left` sent as the page goes away still reaches the server.
    presence: (event: 'joined' | 'left', sessionId: string) => send<void>('POST', `${base}/presence`, { bearer, json: { event, sessionId }, keepalive: true }),
    /** Downloads through fetch (the bearer cannot ride on a plain link) and saves it. */
    async download(file: ChatFile): Promise<void> {
      const res = await fetchApi(`/api/video/files/${file.id}`, { headers: { authorization: `Bearer ${bearer}` } });
      if (!res.ok) throw apiErrorOf(res.status, await res.text());
      const url = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
export type RoomApi = ReturnType<typeof roomApi>;
