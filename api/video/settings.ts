// What the video routes need beyond the common API deps; defaults match platform/config.ts.
import path from 'node:path';
import type { ApiDeps } from '../deps.js';
import { REPO_ROOT } from '../../platform/config.js';

export type VideoSettings = Readonly<{ secret: string; filesDir: string; sfuUrl: string; publicUrl: string }>;

export function videoSettings(deps: ApiDeps): VideoSettings {
  const c = deps.config;
  return {
    secret: c.SESSION_SECRET ?? 'dev-only-session-secret-change-me',
    // Outside the web root (console/dist, admin/dist): uploads are never served as pages.
    filesDir: path.join(c.DATA_DIR ?? path.join(REPO_ROOT, 'data'), 'files'),
    sfuUrl: c.sfuPublicUrl ?? 'http://localhost:4443',
    publicUrl: c.publicUrl,
  };
}
