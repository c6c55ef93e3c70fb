// /api/video: thin transport — validate, call one action, answer (G4, D1–D12).
import express, { Router } from 'express';
import { requireUser } from '../auth/middleware.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { addChatMessage, listChat } from './chat.js';
import { downloadFile } from './download.js';
import { MAX_FILE_BYTES, uploadFile } from './files.js';
import { requireAgent, requireGuest, requireParticipant } from './participant.js';
import { reportPresence } from './presence.js';
import { joinAsAgent, joinAsGuest } from './rooms.js';
import * as S from './schemas.js';
import { videoSettings } from './settings.js';
import { addTag, listTags } from './tags.js';
import { answerTerms, sendTerms } from './terms.js';

export function videoRoutes(deps: ApiDeps): Router {
  const { db, temporal } = deps;
  const s = videoSettings(deps);
  const r = Router();

  r.post('/video/tickets/:id/join', requireUser(db), async (req, res) => {
    res.json(await joinAsAgent(db, s, res.locals.user, String(req.params.id)));
  });
  r.post('/video/guest/:guestToken/join', async (req, res) => {
    res.json(await joinAsGuest(db, s, req.params.guestToken));
  });

  const room = Router({ mergeParams: true });
  r.use('/video/rooms/:roomId', requireParticipant(db, s), room);
  room.get('/messages', async (_req, res) => {
    res.json(await listChat(db, res.locals.participant.claims.roomId));
  });
  room.post('/messages', async (req, res) => {
    res.status(201).json(await addChatMessage(db, res.locals.participant, parse(S.ChatBody, req.body)));
  });
  // The raw body is the file; its name travels URI-encoded in a header.
  room.post('/files', express.raw({ type: () => true, limit: MAX_FILE_BYTES }), async (req, res) => {
    const name = parse(S.FileNameHeader, req.get('x-file-name') ?? '');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.status(201).json(await uploadFile(db, temporal, s.filesDir, res.locals.participant, name, body));
  });
  room.get('/tags', async (_req, res) => {
    res.json(await listTags(db, res.locals.participant.claims.roomId));
  });
  room.post('/tags', requireAgent(), async (req, res) => {
    res.status(201).json(await addTag(db, temporal, res.locals.participant, parse(S.TagBody, req.body).body));
  });
  room.post('/terms', requireAgent(), async (req, res) => {
    res.status(201).json(await sendTerms(db, temporal, res.locals.participant, parse(S.TermsBody, req.body).text));
  });
  room.post('/terms/answer', requireGuest(), async (req, res) => {
    const body = parse(S.TermsAnswerBody, req.body);
    await answerTerms(db, temporal, res.locals.participant, body.termsId, body.accepted);
    res.status(204).end();
  });
  room.post('/presence', async (req, res) => {
    const body = parse(S.PresenceBody, req.body);
    await reportPresence(db, temporal, res.locals.participant, body.event, body.sessionId);
    res.status(204).end();
  });

  r.get('/video/files/:fileId', (req, res) => downloadFile(db, s, req, res));
  return r;
}
