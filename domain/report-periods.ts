// Issue 19: the periods of the reports' trends — service days, or ISO weeks (Monday to Sunday,
// named 2026-W49). Days are the branch's own service days (its time zone), so a week is the
// branch's week too. Pure date arithmetic on YYYY-MM-DD, in UTC so no clock shifts a day.

export const TREND_GRAINS = ['day', 'week'] as const;
export type TrendGrain = (typeof TREND_GRAINS)[number];

const DAY_MS = 86_400_000;
const at = (day: string): Date => new Date(`${day}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** The Monday that starts the ISO week of a day. */
export function weekStart(day: string): string {
  const d = at(day);
  const weekday = d.getUTCDay() || 7; // 1 Monday … 7 Sunday
  return iso(new Date(d.getTime() - (weekday - 1) * DAY_MS));
}

/** The ISO week's name, 2026-W49: the year is that of its Thursday (a week belongs to the year holding most of it). */
export function isoWeekName(day: string): string {
  const thursday = new Date(at(weekStart(day)).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a day belongs to: its key (the day, or its week's Monday) and name. */
export function periodOf(day: string, grain: TrendGrain): { key: string; label: string } {
  return grain === 'day' ? { key: day, label: day } : { key: weekStart(day), label: isoWeekName(day) };
}

/** Every period touching [from, to], in order (a week cut by the range still starts on its Monday). */
export function periodsBetween(from: string, to: string, grain: TrendGrain): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (let d = at(from); d <= at(to); d = new Date(d.getTime() + DAY_MS)) {
    const p = periodOf(iso(d), grain);
    if (out[out.length - 1]?.key !== p.key) out.push(p);
  }
  return out;
}
