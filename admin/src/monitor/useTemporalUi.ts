import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { VentanillaDataProvider } from '../dataProvider';

let cached: Promise<string> | undefined;

/** `{temporalUiUrl}/namespaces/{ns}`: the base of workflow links (G7). */
export function useTemporalUi(): string | null {
  const dp = useDataProvider<VentanillaDataProvider>();
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    cached ??= dp.get<{ workflowsUrl: string }>('/monitor/temporal').then((r) => r.workflowsUrl);
    cached.then(setBase, () => { cached = undefined; });
  }, [dp]);
  return base;
}
