// Issue 19: the configuration audit log's vocabulary, shared by the API, both UIs and tests.

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The resources whose every create, update and delete is recorded: the configuration. */
export const AUDITED_RESOURCES = [
  'entities',
  'branches',
  'departments',
  'services',
  'topics',
  'priorities',
  'desks',
  'users',
  'service_assignments',
  'break_caps',
  'webhooks',
  'alert_rules',
  'message_templates',
  'message_providers',
] as const;
export type AuditedResource = (typeof AUDITED_RESOURCES)[number];

/** Fields never copied into the log, whatever the record: credentials stay where they are. */
export const UNLOGGED_FIELD = /password|secret|token/i;

/**
 * The fields whose value differs between two versions of a record (either may be missing: a
 * create or a delete names every field). Bookkeeping (`updatedAt`) is no change of its own.
 */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  keys.delete('updatedAt');
  return [...keys].filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null)).sort();
}
