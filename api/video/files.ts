// D12 files: stored under DATA_DIR/files (outside any web root) by a random key, bounded to
// 10 MB and to the allow-list, announced in the chat and on the ticket's timeline.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import { addChatMessage, type ChatMessage } from './chat.js';
import { recordInTimeline } from './call-events.js';
import { detectAllowedType } from './file-types.js';
import type { Participant } from './participant.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileRow = { id: string; room_id: string; name: string; mime: string; size: number; storage_key: string };

/** A name safe to show and to put in Content-Disposition: no path, no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  if (!clean || clean === '.' || clean === '..')
    throw new DomainError('Validation', {}, { fields: { name: { code: 'required' } } });
  return clean;
}

export async function uploadFile(
  db: Db,
  temporal: Client,
  filesDir: string,
  p: Participant,
  rawName: string,
  content: Buffer,
): Promise<ChatMessage> {
  const name = cleanFileName(rawName);
  if (content.length === 0) throw new DomainError('FileEmpty', {}, { field: 'file' });
  if (content.length > MAX_FILE_BYTES) throw new DomainError('FileTooLarge', { maxMb: 10 }, { field: 'file' });
  const mime = detectAllowedType(name, content);
  if (!mime) throw new DomainError('FileTypeRefused', {}, { field: 'file' });

  const id = randomUUID();
  await recordInTimeline(
    temporal,
    p,
    'file',
    { fileId: id, name, mime, size: content.length, by: p.claims.role },
    `file:${id}`,
  );
  await fs.mkdir(filesDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(filesDir, id), content, { mode: 0o600, flag: 'wx' });
  await db('files').insert({
    id,
    room_id: p.claims.roomId,
    uploader_type: p.userId === null ? 'customer' : 'user',
    uploader_id: p.userId,
    name,
    mime,
    size: content.length,
    storage_key: id,
  });
  return addChatMessage(db, p, { fileId: id, file: { id, name, mime, size: content.length } });
}

export async function readStoredFile(filesDir: string, row: FileRow): Promise<Buffer> {
  // storage_key is ours (a uuid), but a path is still never built from anything else.
  if (!/^[0-9a-f-]{36}$/.test(row.storage_key)) throw new Error(`unexpected storage key for file ${row.id}`);
  return fs.readFile(path.join(filesDir, row.storage_key));
}
