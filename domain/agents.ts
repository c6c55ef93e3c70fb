// Agent vocabulary: availability states (A3) and user roles.

export const AGENT_STATES = ['online', 'offline', 'resting', 'lunch', 'documenting'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/**
 * Staff roles, lowest first. An operator is platform staff (issue 13, G7): in their home entity
 * they hold every right an admin has, and above that they alone see the shared Temporal Web UI
 * (it lists every entity's workflows) and alone grant the role or change an operator's account.
 * Through the API an operator still sees only their home entity's data.
 */
export const ROLES = ['agent', 'supervisor', 'admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** The roles with an admin's rights in the user's own entity: admins, and operators above them. */
export const ADMIN_ROLES = ['admin', 'operator'] as const satisfies readonly Role[];
export const hasAdminRights = (role: string | undefined): boolean =>
  (ADMIN_ROLES as readonly (string | undefined)[]).includes(role);

/** The shared Temporal Web UI, the codec's every-entity reading and the operator role itself. */
export const isOperator = (role: string | undefined): boolean => role === 'operator';

export const ASSIGNMENT_KINDS = ['main', 'support'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const shiftWorkflowId = (userId: number, shiftId: string): string => `shift-${userId}-${shiftId}`;
