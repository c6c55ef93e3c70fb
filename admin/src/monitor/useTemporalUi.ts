import { useEffect, useState } from 'react';
import { isOperator } from '@domain/agents';
import { useDataProvider, usePermissions } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';

let cached: Promise<string> | undefined;

/**
 * `{temporalUiUrl}/namespaces/{ns}`: the base of workflow links (G7). Only operators are told
 * where the Web UI is; for anyone else this is null without asking the API.
 */
export function useTemporalUi(): string | null {
  const dp = useDataProvider<VentanillaDataProvider>();
  const { permissions } = usePermissions<string>();
  const operator = isOperator(permissions);
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    if (!operator) return;
    cached ??= dp.get<{ workflowsUrl: string }>('/monitor/temporal').then((r) => r.workflowsUrl);
    cached.then(setBase, () => { cached = undefined; });
  }, [dp, operator]);
  return operator ? base : null;
}
