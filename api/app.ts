// The Express application: security headers, bounded JSON bodies, the domain routers, the two
// built UIs, and one error handler. No listening here (server.ts does that; tests use it too).
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../platform/config.js';
import { authRoutes } from './auth/routes.js';
import { sameOrigin } from './auth/csrf.js';
import { ownOrigins } from './auth/origin.js';
import type { ApiDeps } from './deps.js';
import { errorHandler } from './http/errors.js';
import { builtFiles, consolePage, sendIndex, type PageFor } from './http/static.js';
import { healthRoutes } from './health/routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { shiftRoutes } from './shifts/routes.js';
import { reportRoutes } from './reports/routes.js';
import { monitorRoutes } from './monitor/routes.js';
import { entityRoutes } from './entities/routes.js';
import { branchRoutes } from './branches/routes.js';
import { departmentRoutes } from './departments/routes.js';
import { serviceRoutes } from './services/routes.js';
import { topicRoutes } from './topics/routes.js';
import { priorityRoutes } from './priorities/routes.js';
import { deskRoutes } from './desks/routes.js';
import { userRoutes } from './users/routes.js';
import { serviceAssignmentRoutes } from './service_assignments/routes.js';
import { customerRoutes } from './customers/routes.js';
import { customerVisitRoutes } from './customers/visits.js';
import { appointmentRoutes } from './appointments/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import { breakCapRoutes } from './break_caps/routes.js';
import { alertRoutes } from './alerts/routes.js';
import { alertRuleRoutes } from './alert_rules/routes.js';
import { messageRoutes } from './messages/routes.js';
import { messageTemplateRoutes } from './message_templates/routes.js';
import { messageProviderRoutes } from './message_providers/routes.js';
import { configAuditRoutes } from './config_audit/routes.js';
import { profileRoutes } from './profile/routes.js';
import { docsRoutes } from './docs/routes.js';
import { publicRoutes } from './public/routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { videoRoutes } from './video/routes.js';
import { TEMPORAL_CODEC_PATH, temporalCodecRoutes } from './temporal-codec/routes.js';
import { createApiMetrics, type ApiMetrics } from './metrics/metrics.js';
import { metricsRoutes } from './metrics/routes.js';

export function createApp(deps: ApiDeps, metrics: ApiMetrics = createApiMetrics(deps.db)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(metrics.timeRequests);
  app.use(metricsRoutes(deps, metrics)); // Prometheus (issue 15): loopback or METRICS_TOKEN
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Media from the SFU and the customer's camera; blob: for received files.
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
        },
      },
    }),
  );

  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));
  api.use(sameOrigin(ownOrigins(deps.config.publicUrl)));
  api.use(healthRoutes(deps));
  api.use(authRoutes(deps));
  api.use(ticketRoutes(deps));
  api.use(shiftRoutes(deps));
  api.use(reportRoutes(deps));
  api.use(monitorRoutes(deps));
  api.use(entityRoutes(deps));
  api.use(branchRoutes(deps));
  api.use(departmentRoutes(deps));
  api.use(serviceRoutes(deps));
  api.use(topicRoutes(deps));
  api.use(priorityRoutes(deps));
  api.use(deskRoutes(deps));
  api.use(userRoutes(deps));
  api.use(serviceAssignmentRoutes(deps));
  api.use(customerVisitRoutes(deps));
  api.use(customerRoutes(deps));
  api.use(appointmentRoutes(deps));
  api.use(notificationRoutes(deps));
  api.use(webhookRoutes(deps));
  api.use(breakCapRoutes(deps));
  api.use(alertRoutes(deps));
  api.use(alertRuleRoutes(deps));
  api.use(configAuditRoutes(deps));
  api.use(messageRoutes(deps)); // issue 20: the outbox
  api.use(messageTemplateRoutes(deps));
  api.use(messageProviderRoutes(deps)); // issue 20: the SMS/WhatsApp provider
  api.use(profileRoutes(deps));
  api.use(docsRoutes());
  api.use(publicRoutes(deps));
  api.use(surveyRoutes(deps)); // issue 20
  api.use(videoRoutes(deps));
  api.use((_req, res) =>
    res
      .status(404)
      .json({ error: 'NotFound', code: 'NotFound', params: { resource: 'route' }, message: 'No such API route.' }),
  );
  api.use(errorHandler(deps.log));
  // Before /api: the Temporal Web UI's codec endpoint is called from the UI's origin, so it
  // applies its own origin rule instead of the API's same-origin one (api/temporal-codec/cors.ts).
  app.use(TEMPORAL_CODEC_PATH, temporalCodecRoutes(deps));
  // Issue 17: API answers (a page of tickets is tens of KB of JSON) go out brotli or gzip when
  // the client asks; mounted on /api only, so the built UIs keep their precompressed files
  // (http/static.ts) and socket.io, which the HTTP server routes before Express, is untouched.
  app.use('/api', compression(), api);

  serveSpa(app, '/admin', path.join(REPO_ROOT, 'admin/dist'));
  serveSpa(app, '/', path.join(REPO_ROOT, 'console/dist'), consolePage);
  return app;
}

/** Serves a built single-page app, falling back to its index.html for client-side routes. */
function serveSpa(app: Express, mount: string, dir: string, pageFor?: PageFor): void {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return;
  app.use(mount, builtFiles(dir));
  app.get(
    mount === '/' ? /^\/(?!api\/|admin\/|socket\.io\/).*/ : new RegExp(`^${mount}(/.*)?$`),
    sendIndex(dir, pageFor),
  );
}
