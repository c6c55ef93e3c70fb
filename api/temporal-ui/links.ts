// G7, issue 13: the Temporal Web UI is shared by every entity — its lists show all their
// workflows — so its address, and every link into it, is handed to operators only. An entity's
// staff (admins included) get null where a link would be, and the UI shows nothing there.
import { isOperator } from '../../domain/agents.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import { operatorOnly } from '../http/reach.js';

type TemporalConfig = Pick<ApiDeps['config'], 'temporalUiUrl' | 'TEMPORAL_NAMESPACE'>;

/** The Web UI page of a workflow for this user, or null when the UI is not theirs to see. */
export type WorkflowLink = (workflowId: string | null | undefined) => string | null;

const workflowsUrl = (cfg: TemporalConfig): string =>
  `${cfg.temporalUiUrl}/namespaces/${encodeURIComponent(cfg.TEMPORAL_NAMESPACE)}`;

export function workflowLinkFor(cfg: TemporalConfig, u: SessionUser): WorkflowLink {
  if (!isOperator(u.role)) return () => null;
  return (workflowId) => (workflowId ? `${workflowsUrl(cfg)}/workflows/${encodeURIComponent(workflowId)}` : null);
}

/** Where the Web UI is (GET /api/monitor/temporal); refused (OperatorOnly) to everyone else. */
export function temporalUiFor(
  cfg: TemporalConfig,
  u: SessionUser,
): { uiUrl: string; namespace: string; workflowsUrl: string } {
  if (!isOperator(u.role)) throw operatorOnly();
  return { uiUrl: cfg.temporalUiUrl, namespace: cfg.TEMPORAL_NAMESPACE, workflowsUrl: workflowsUrl(cfg) };
}
