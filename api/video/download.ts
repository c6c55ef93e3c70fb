// Who may download a call's file: the room's participants while they still belong to it (join
// token, read again at each download) and the supervisors and admins of the ticket's branch
// (session). Served as an attachment that browsers won't sniff.
import type { Request, Response } from 'express';
import type { Db } from '../../db/knex.js';
import { hasAdminRights } from '../../domain/agents.js';
import { DomainError } from '../../domain/errors.js';
import { readCookie } from '../auth/middleware.js';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.js';
import { loadRoomFacts, membershipRefusal } from '../../sfu/room-membership.js';
import { readStoredFile, type FileRow } from './files.js';
import { bearerClaims } from './participant.js';
import type { VideoSettings } from './settings.js';

async function mayDownload(
  db: Db,
  s: VideoSettings,
  req: Request,
  file: FileRow & { entity_id: number; branch_id: number },
): Promise<boolean> {
  const claims = bearerClaims(req.headers.authorization, s.secret);
  if (claims) return claims.roomId === file.room_id && !membershipRefusal(claims, await loadRoomFacts(db, claims));
  const session = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = session ? await findSessionUser(db, session) : null;
  if (!user || user.entityId !== file.entity_id) return false;
  if (hasAdminRights(user.role)) return true;
  return user.role === 'supervisor' && (user.branchId === null || user.branchId === file.branch_id);
}

export async function downloadFile(
  db: Db,
  s: VideoSettings,
  req: Request<{ fileId: string }>,
  res: Response,
): Promise<void> {
  const { fileId } = req.params;
  const file = /^[0-9a-f-]{36}$/i.test(fileId)
    ? await db('files as f')
        .join('video_rooms as r', 'r.id', 'f.room_id')
        .join('tickets as t', 't.id', 'r.ticket_id')
        .where('f.id', fileId)
        .first('f.*', 't.entity_id', 't.branch_id')
    : undefined;
  // Someone else's file is "not found": its existence is not disclosed.
  if (!file || !(await mayDownload(db, s, req, file))) throw new DomainError('NotFound', { resource: 'files' });
  const content = await readStoredFile(s.filesDir, file);
  res.set({
    'content-type': file.mime,
    'content-length': String(content.length),
    'content-disposition': `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
  res.end(content);
}
