import { isOperator } from '@domain/agents';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, usePermissions } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';
import { queryKeys } from '../shared/queryKeys';

/**
 * `{temporalUiUrl}/namespaces/{ns}`: the base of workflow links (G7). Only operators are told
 * where the Web UI is; for anyone else this is null without asking the API. Asked once per
 * session: the address does not change while the API runs.
 */
export function useTemporalUi(): string | null {
  const dp = useDataProvider<VentanillaDataProvider>();
  const { permissions } = usePermissions<string>();
  const operator = isOperator(permissions);
  const { data } = useQuery({
    queryKey: queryKeys.temporalUi(),
    queryFn: () => dp.temporalUi(),
    enabled: operator,
    staleTime: Infinity,
  });
  return operator ? (data?.workflowsUrl ?? null) : null;
}
