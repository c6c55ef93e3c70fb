import { describe, expect, it } from 'vitest';
import { clusterConfig, clusterConfigYaml, DEFAULT_HISTORY_SHARDS, type ClusterConfigInput } from './config.js';

const input: ClusterConfigInput = {
  pg: { host: '127.0.0.1', port: 5499, user: 'postgres', password: 'p"w: #1' },
  databases: { temporal: 'temporal', visibility: 'temporal_visibility' },
  numHistoryShards: DEFAULT_HISTORY_SHARDS,
  ports: {
    frontend: 7001,
    frontendHttp: 7002,
    history: 7003,
    matching: 7004,
    worker: 7005,
    membership: { frontend: 7006, history: 7007, matching: 7008, worker: 7009 },
  },
  dynamicConfigFile: '/tmp/x/dynamicconfig.yaml',
};

// JSON is YAML: what JSON.parse reads back is what the server's YAML parser reads.
const read = (i: ClusterConfigInput) => JSON.parse(clusterConfigYaml(i)) as ReturnType<typeof clusterConfig>;

describe('issue 15: the production Temporal server configuration', () => {
  it('keeps history and advanced visibility on PostgreSQL (postgres12), each in its own database', () => {
    const c = read(input);
    const stores = c.persistence.datastores;
    expect(c.persistence.defaultStore).toBe('default');
    expect(c.persistence.visibilityStore).toBe('visibility');
    expect(stores.default.sql).toMatchObject({
      pluginName: 'postgres12',
      databaseName: 'temporal',
      connectAddr: '127.0.0.1:5499',
    });
    expect(stores.visibility.sql).toMatchObject({
      pluginName: 'postgres12',
      databaseName: 'temporal_visibility',
    });
  });

  it('takes the shard count it is given, 4 by default, and refuses a count the server cannot use', () => {
    expect(DEFAULT_HISTORY_SHARDS).toBe(4);
    expect(read({ ...input, numHistoryShards: 16 }).persistence.numHistoryShards).toBe(16);
    expect(() => clusterConfigYaml({ ...input, numHistoryShards: 0 })).toThrow(/--shards/);
    expect(() => clusterConfigYaml({ ...input, numHistoryShards: 2.5 })).toThrow(/--shards/);
  });

  it('gives every service its own ports on localhost and names the frontend as the cluster address', () => {
    const c = read(input);
    expect(c.services.frontend.rpc).toEqual({
      grpcPort: 7001,
      membershipPort: 7006,
      bindOnLocalHost: true,
      httpPort: 7002,
    });
    expect(c.services.history.rpc).toMatchObject({ grpcPort: 7003, membershipPort: 7007 });
    expect(c.services.matching.rpc).toMatchObject({ grpcPort: 7004, membershipPort: 7008 });
    expect(c.services.worker.rpc).toMatchObject({ grpcPort: 7005, membershipPort: 7009 });
    expect(c.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:7001');
    expect(c.dynamicConfigClient.filepath).toBe('/tmp/x/dynamicconfig.yaml');
  });

  it('carries a password with YAML-special characters unchanged', () => {
    expect(read(input).persistence.datastores.default.sql.password).toBe('p"w: #1');
  });
});
