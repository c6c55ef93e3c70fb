// Issue 14: the test command fails when installing rewrites a tracked file (npm once "completed"
// the lockfile for this platform, leaving a new user's clone dirty). The real `ventanilla` script
// runs in a scratch git checkout, with an `npm` on PATH that behaves as that npm did.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../platform/config.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vt-install-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function checkout(npmScript: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(scratch, 'repo-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'ventanilla'), path.join(dir, 'ventanilla'));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
  const bin = path.join(dir, 'fake-bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\nmkdir -p node_modules\n${npmScript}\n`, { mode: 0o755 });
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir });
  git('init', '-q');
  git('add', 'ventanilla', 'package-lock.json');
  git('commit', '-qm', 'scratch');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\nfake-bin/\n');
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, TEMPORAL_ADDRESS: '' } };
}

describe('./ventanilla test: a clean install', () => {
  it('fails with one clear line when the install rewrites a tracked file (the lockfile)', () => {
    const { dir, env } = checkout(
      `echo '{"lockfileVersion":3,"added":"@swc/core-other-platform"}' > package-lock.json`,
    );
    const r = spawnSync('./ventanilla', ['test'], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ventanilla: installing changed tracked files/);
  });

  it('goes past the install when it leaves the checkout as it was', () => {
    const { dir, env } = checkout('true');
    const r = spawnSync('./ventanilla', ['test'], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    // It then stops at the next step (this scratch checkout has no Temporal script), not at the guard.
    expect(r.stderr).not.toMatch(/installing changed tracked files/);
    expect(fs.existsSync(path.join(dir, 'node_modules/.ventanilla-lock'))).toBe(true);
  });
});
