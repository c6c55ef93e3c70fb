// The production Temporal server's static configuration (what docker-compose's image renders
// from its environment), written for a server on this machine: PostgreSQL persistence and
// advanced visibility on PostgreSQL, every service on its own local ports.
// The file is JSON, which is YAML too (the server reads it with a YAML 1.2 parser): no
// serializer to maintain and no quoting rules to get wrong in passwords.

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** One membership (ringpop) port per service. */
  membership: { frontend: number; history: number; matching: number; worker: number };
}

export interface ClusterConfigInput {
  pg: { host: string; port: number; user: string; password: string };
  databases: { temporal: string; visibility: string };
  /** Fixed when the cluster is created: the history service's unit of ownership and write order. */
  numHistoryShards: number;
  ports: ClusterPorts;
  dynamicConfigFile: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Connections per persistence store; history uses the most (one writer per shard it owns). */
  maxConns?: number;
}

export const DEFAULT_HISTORY_SHARDS = 4;

export function clusterConfig(input: ClusterConfigInput) {
  if (!Number.isInteger(input.numHistoryShards) || input.numHistoryShards < 1)
    throw new Error(`numHistoryShards must be a positive integer (got ${input.numHistoryShards}): pass --shards N.`);
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${input.pg.host}:${input.pg.port}`,
      connectProtocol: 'tcp',
      user: input.pg.user,
      password: input.pg.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (grpcPort: number, membershipPort: number, httpPort?: number) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...(httpPort ? { httpPort } : {}) },
  });
  const p = input.ports;
  const frontendAddress = `127.0.0.1:${p.frontend}`;
  return {
    log: { stdout: true, level: input.logLevel ?? 'warn' },
    persistence: {
      numHistoryShards: input.numHistoryShards,
      defaultStore: 'default' as const,
      visibilityStore: 'visibility' as const,
      datastores: {
        default: store(input.databases.temporal, input.maxConns ?? 20),
        // Visibility writes are asynchronous (the history service's visibility queue) and few.
        visibility: store(input.databases.visibility, 4),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: rpc(p.frontend, p.membership.frontend, p.frontendHttp),
      history: rpc(p.history, p.membership.history),
      matching: rpc(p.matching, p.membership.matching),
      worker: rpc(p.worker, p.membership.worker),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: frontendAddress,
          httpAddress: `127.0.0.1:${p.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    dynamicConfigClient: { filepath: input.dynamicConfigFile, pollInterval: '10s' },
  };
}

/** The file the server reads (`--config DIR --env production` → DIR/production.yaml). */
export const clusterConfigYaml = (input: ClusterConfigInput): string =>
  `${JSON.stringify(clusterConfig(input), null, 2)}\n`;
