// Issue 20: an appointment as an iCalendar event (RFC 5545), attached to its "booked" message.
const stamp = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** RFC 5545 text: backslash, semicolon, comma and newlines escaped; lines folded at 75 octets. */
const escape = (s: string): string => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
const fold = (line: string): string => line.replace(/(.{74})(?=.)/gu, '$1\r\n ');

export function appointmentIcs(a: {
  uid: string;
  start: string;
  minutes: number;
  summary: string;
  description: string;
  url: string;
  now?: string;
}): string {
  const end = new Date(Date.parse(a.start) + a.minutes * 60_000).toISOString();
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ventanilla//Appointments//ES',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${a.uid}`,
    `DTSTAMP:${stamp(a.now ?? a.start)}`,
    `DTSTART:${stamp(a.start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${escape(a.summary)}`,
    `DESCRIPTION:${escape(a.description)}`,
    ...(a.url ? [`URL:${a.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ]
    .map(fold)
    .join('\r\n');
}
