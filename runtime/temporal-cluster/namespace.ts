// A fresh production cluster has no namespace: create it with a retention and register the
// search attributes the app writes (the same list the dev server gets as --search-attribute,
// domain/temporal.ts), then wait until the server's caches know both.
import { Connection } from '@temporalio/client';
import { msNumberToTs } from '@temporalio/common/lib/time';
import protos from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import { SEARCH_ATTRIBUTES } from '../../domain/temporal.js';

const IndexedValueType = protos.temporal.api.enums.v1.IndexedValueType;
type SearchAttributeType = (typeof SEARCH_ATTRIBUTES)[keyof typeof SEARCH_ATTRIBUTES];

const INDEXED: Record<SearchAttributeType, protos.temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries while the server is still joining its own ring (`Unavailable`, `not found` for a moment). */
async function retrying<T>(what: string, f: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await f();
    } catch (err) {
      if (Date.now() > end)
        throw new Error(`${what} did not succeed in ${timeoutMs / 1000} s: ${(err as Error).message}`);
      await sleep(500);
    }
  }
}

export async function setUpNamespace(opts: {
  address: string;
  namespace: string;
  retentionDays: number;
  /** The servers' namespace cache refresh (system.namespaceCacheRefreshInterval). */
  cacheRefreshMs: number;
}): Promise<void> {
  const connection = await Connection.connect({ address: opts.address });
  try {
    const { namespace } = opts;
    await retrying(`creating namespace ${namespace}`, async () => {
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: msNumberToTs(opts.retentionDays * 86_400_000),
        });
      } catch (err) {
        if (!/already exists/i.test((err as Error).message)) throw err;
      }
    });
    const searchAttributes = Object.fromEntries(
      Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, INDEXED[type]]),
    );
    await retrying('registering the search attributes', async () => {
      try {
        await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
      } catch (err) {
        if (!/already exists/i.test((err as Error).message)) throw err;
      }
    });
    // A query naming every attribute succeeds once the frontend maps them to visibility columns.
    const probe = Object.keys(SEARCH_ATTRIBUTES)
      .map((name) => `${name} = 'probe'`)
      .join(' AND ');
    await retrying('the search attributes becoming queryable', () =>
      connection.workflowService.countWorkflowExecutions({ namespace, query: probe }),
    );
    // History and matching refresh their own copy of the namespace on the same interval.
    await sleep(opts.cacheRefreshMs * 2);
  } finally {
    await connection.close();
  }
}
