// The codec endpoint of the Temporal Web UI (issue 13): POST /api/temporal-codec/decode and
// /encode, Temporal's codec server protocol. Mounted by app.ts outside the /api router — its
// CORS and origin rule are its own (cors.ts) — and answering with the API's codec.
import express, { Router } from 'express';
import { DomainError } from '../../domain/errors.js';
import { codecOfClient } from '../../platform/codec/codec.js';
import type { ApiDeps } from '../deps.js';
import { errorHandler } from '../http/errors.js';
import { parse } from '../http/validate.js';
import { mayRead, readerOf } from './access.js';
import { temporalUiCors } from './cors.js';
import { answer, CodecBody, fromJson } from './payloads.js';

export const TEMPORAL_CODEC_PATH = '/api/temporal-codec';

export function temporalCodecRoutes(deps: ApiDeps): Router {
  const r = Router();
  const codec = codecOfClient(deps.temporal);
  const operatorToken = deps.config.TEMPORAL_CODEC_OPERATOR_TOKEN;
  r.use(temporalUiCors(deps.config.temporalUiUrl));
  // A history page sends many payloads at once (Temporal allows 2 MB per payload).
  r.use(express.json({ limit: '8mb' }));

  r.post('/decode', async (req, res) => {
    if (!codec) throw unavailable();
    const reader = await readerOf(req, deps.db, operatorToken);
    const { payloads } = parse(CodecBody, req.body);
    const given = payloads.map(fromJson);
    res.json(answer(payloads, given, codec.decodeWhere(given, mayRead(reader, deps.config.TEMPORAL_NAMESPACE))));
  });

  // What the UI sends to a workflow (a signal, a start) is encrypted like the product's own
  // payloads: labelled with the staff member's entity, or with none for the operator.
  r.post('/encode', async (req, res) => {
    if (!codec) throw unavailable();
    const reader = await readerOf(req, deps.db, operatorToken);
    const { payloads } = parse(CodecBody, req.body);
    const given = payloads.map(fromJson);
    res.json(answer(payloads, given, codec.encodeFor(given, reader.kind === 'staff' ? reader.entityId : undefined)));
  });

  r.use(errorHandler(deps.log));
  return r;
}

const unavailable = () =>
  new DomainError('Unavailable', {}, { message: "The API's Temporal client has no payload codec." });
