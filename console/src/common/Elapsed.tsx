import { useEffect, useState } from 'react';
import { serverNow } from './serverClock';
import { formatDuration } from './time';

/** A duration since `since` (the server's time) that ticks every second by the server's clock (A11, C3). */
export function Elapsed({ since, className }: { since: string; className?: string }) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const id = window.setInterval(() => setNow(serverNow()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <time className={className} dateTime={since} data-testid="elapsed">
      {formatDuration(now - Date.parse(since))}
    </time>
  );
}
