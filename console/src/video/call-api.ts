// The call's HTTP side, through the console's one client: join grants (session cookie or guest
// link), and the room-scoped facts (chat, files, T&C, tags, presence) authorised by the SFU join
// token as a bearer. Shapes are the API's contracts (domain/contracts/video.ts).
import type { AgentJoin, ChatMessage, GuestJoin, JoinGrant, Tag, TermsSent } from '@domain/contracts/video';
import type { z } from 'zod';
import { api } from '../api/client';

export type Grant = z.infer<typeof JoinGrant>;
export type AgentGrant = z.infer<typeof AgentJoin>;
export type GuestGrant = z.infer<typeof GuestJoin>;
export type ChatFile = NonNullable<ChatMessage['file']>;
export type { ChatMessage, Tag };

export const joinAsAgent = (ticketId: string) => api.post<AgentGrant>(`/video/tickets/${ticketId}/join`);
export const joinAsGuest = (guestToken: string) =>
  api.post<GuestGrant>(`/video/guest/${encodeURIComponent(guestToken)}/join`);

/** Everything a participant does in its room, bound to its grant. */
export function roomApi(grant: Grant) {
  const base = `/video/rooms/${grant.roomId}`;
  const bearer = grant.token;
  return {
    messages: () => api.get<ChatMessage[]>(`${base}/messages`, { bearer }),
    say: (body: string) => api.post<ChatMessage>(`${base}/messages`, { body }, { bearer }),
    upload: (file: File) =>
      api.post<ChatMessage>(`${base}/files`, undefined, {
        bearer,
        raw: file,
        headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': 'application/octet-stream' },
      }),
    tag: (body: string) => api.post<Tag>(`${base}/tags`, { body }, { bearer }),
    sendTerms: (text: string) => api.post<z.infer<typeof TermsSent>>(`${base}/terms`, { text }, { bearer }),
    answerTerms: (termsId: string, accepted: boolean) =>
      api.post<void>(`${base}/terms/answer`, { termsId, accepted }, { bearer }),
    // keepalive: a `left` sent as the page goes away still reaches the server.
    presence: (event: 'joined' | 'left', sessionId: string) =>
      api.post<void>(`${base}/presence`, { event, sessionId }, { bearer, keepalive: true }),
    /** Downloads through fetch (the bearer cannot ride on a plain link) and saves it. */
    async download(file: ChatFile): Promise<void> {
      const url = URL.createObjectURL(await api.blob(`/video/files/${file.id}`, { bearer }));
      const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
export type RoomApi = ReturnType<typeof roomApi>;

/** A room call once the call has started; the forms offer nothing before that. */
export const withRoom = <T>(room: RoomApi | null, fn: (room: RoomApi) => Promise<T>): Promise<T> =>
  room ? fn(room) : Promise.reject(new Error('the call has not started'));
