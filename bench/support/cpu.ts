// CPU time each server process spends on a load window, from /proc (Linux): what a lifecycle
// costs each part, which throughput on a shared 2-core machine cannot tell.
// A process counts with its descendants: PostgreSQL is a postmaster plus one backend per
// connection, and a backend that exits in the window moves its time into the postmaster's
// cutime/cstime, so the sum stays continuous.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface Named {
  name: string;
  pid: number;
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100; // Linux's usual USER_HZ
  }
})();

interface Stat {
  ppid: number;
  ticks: number;
}

/** Fields after the command name (which may hold spaces and parentheses): see proc(5). */
function readStat(pid: number): Stat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // exited between the listing and the read
  }
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // f[1] ppid; f[11..14] utime stime cutime cstime
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
}

function allStats(): Map<number, Stat> {
  const out = new Map<number, Stat>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = readStat(Number(entry));
    if (s) out.set(Number(entry), s);
  }
  return out;
}

/** Milliseconds of CPU used so far by each process and its descendants. */
export function cpuSnapshot(processes: Named[]): Map<string, number> {
  const stats = allStats();
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  const treeTicks = (pid: number): number =>
    (stats.get(pid)?.ticks ?? 0) + (children.get(pid) ?? []).reduce((sum, c) => sum + treeTicks(c), 0);
  const out = new Map<string, number>();
  for (const p of processes) out.set(p.name, (treeTicks(p.pid) * 1000) / TICKS_PER_SECOND);
  // This process itself (the load driver, or the SQL baseline's agents): its own time only.
  const self = process.cpuUsage();
  out.set('bench driver', (self.user + self.system) / 1000);
  return out;
}

/** CPU ms per lifecycle per process between two snapshots. */
export function cpuPerLifecycle(
  before: Map<string, number>,
  after: Map<string, number>,
  lifecycles: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, ms] of after) out.set(name, (ms - (before.get(name) ?? ms)) / Math.max(lifecycles, 1));
  return out;
}
