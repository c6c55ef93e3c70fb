// Builds admin/dist when any source is newer than the last build (the API serves admin/dist).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.js';

const ADMIN = path.join(REPO_ROOT, 'admin');

const newest = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);

export function ensureAdminBuilt(): void {
  const index = path.join(ADMIN, 'dist/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newest(path.join(ADMIN, 'src')),
    newest(path.join(REPO_ROOT, 'domain')),
    ...['index.html', 'vite.config.ts', 'package.json'].map((f) => fs.statSync(path.join(ADMIN, f)).mtimeMs),
  );
  if (built >= sources) return;
  // NODE_ENV as in production: vitest sets it to `test`, which Vite would build into a bundle
  // twice the size (React's development checks), and the bench measures whatever dist holds.
  execFileSync('npm', ['run', 'build', '--workspace', 'admin'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
