// Determinism guard: every recorded history under workflows/*/histories/ must replay through the
// current workflow code. A change that would break running workflows fails here; such a change
// needs `patched()` (or a new workflow type), and a fresh recording once it has shipped.
// Record with: npx tsx scripts/record-histories.ts
// (protobufjs is a direct dependency only so npm installs ONE copy: with two, historyFromJSON fails.)
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig, REPO_ROOT } from '../platform/config.js';
import { createCodec, dataConverterOf } from '../platform/codec/codec.js';

const files = ['tickets', 'shifts']
  .map((entity) => path.join(REPO_ROOT, 'workflows', entity, 'histories'))
  .filter((dir) => fs.existsSync(dir))
  .flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f)),
  );

// The replayer decodes as the worker does (issue 13): histories recorded in clear pass through
// the payload codec unchanged.
const replayer = () => ({
  workflowBundle: { codePath: inject('workflowBundlePath') },
  dataConverter: dataConverterOf(createCodec(loadConfig())),
});

describe('workflow replay', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it('fails on a history the code would not produce (the guard can fail)', async () => {
    type Recorded = { workflowId: string; history: { events: Record<string, Record<string, unknown>>[] } };
    // A history with an activity task (runs before local steps schedule them on the server).
    const { workflowId, history } = files
      .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Recorded)
      .find((r) => r.history.events.some((e) => e.activityTaskScheduledEventAttributes))!;
    const scheduled = history.events.find((e) => e.activityTaskScheduledEventAttributes)!;
    (scheduled.activityTaskScheduledEventAttributes!.activityType as { name: string }).name = 'someOtherActivity';
    await expect(Worker.runReplayHistory(replayer(), historyFromJSON(history), workflowId)).rejects.toThrow(
      /[Dd]eterminism|[Nn]ondeterminism/,
    );
  });
  for (const file of files) {
    it(`replays ${path.relative(REPO_ROOT, file)}`, async () => {
      const { workflowId, history } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        workflowId: string;
        history: unknown;
      };
      await Worker.runReplayHistory(replayer(), historyFromJSON(history), workflowId);
    });
  }
});
