import { useEffect, useState } from 'react';
import { formatDuration } from './time';

/** A duration since `since` that ticks every second (A11, C3). */
export function Elapsed({ since, className }: { since: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <time className={className} dateTime={since} data-testid="elapsed">
      {formatDuration(now - Date.parse(since))}
    </time>
  );
}
