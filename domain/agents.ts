// Agent vocabulary: availability states (A3) and user roles.

export const AGENT_STATES = ['online', 'offline', 'resting', 'lunch', 'documenting'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ASSIGNMENT_KINDS = ['main', 'support'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const shiftWorkflowId = (userId: number, shiftId: string): string => `shift-${userId}-${shiftId}`;
