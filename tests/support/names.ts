export const TEMPLATE_DB = 'vt_template';
const FORKS = 2;
export const testNamespaces = (): string[] => Array.from({ length: FORKS }, (_, i) => `vt-${i + 1}`);
/** The namespace of the current fork (VITEST_POOL_ID counts from 1). */
export const namespaceOfThisFork = (): string => `vt-${((Number(process.env.VITEST_POOL_ID ?? 1) - 1) % FORKS) + 1}`;
