// "Today" for appointments is the branch's calendar day (H6). Tests that book for later today and
// for tomorrow give the branch a zone where that holds whenever they run.

/** A time zone where it is 01:00–17:59 now: "in 2 hours" is still today there, "in 30 hours" is tomorrow. */
export function zoneWithRoomToday(now = new Date()): string {
  const zones = [
    'America/Bogota',
    'Europe/Madrid',
    'Asia/Tokyo',
    'Pacific/Honolulu',
    'Asia/Kolkata',
    'America/Los_Angeles',
  ];
  const hour = (tz: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(now));
  const zone = zones.find((tz) => hour(tz) >= 1 && hour(tz) <= 17);
  if (!zone) throw new Error('no zone with room left today'); // the zones above span the day: unreachable
  return zone;
}

export const inHours = (h: number): string => new Date(Date.now() + h * 3_600_000).toISOString();
