/** 75 → "1 min 15 s"; 3900 → "1 h 05 min". Null stays a dash. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export const minutes = (seconds: number | null | undefined): number | null =>
  seconds === null || seconds === undefined ? null : Math.round((seconds / 60) * 10) / 10;

export const percent = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v.toFixed(1)} %`;

/** YYYY-MM-DD of a date in the browser's zone (the branch's zone in practice). */
export const isoDay = (d: Date): string => d.toLocaleDateString('en-CA');
