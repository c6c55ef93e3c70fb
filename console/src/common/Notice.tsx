/** An inline message: errors stay until replaced, confirmations are polite. */
export function Notice({ kind, text }: { kind: 'error' | 'ok' | 'info'; text: string | null }) {
  if (!text) return null;
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </div>
  );
}
