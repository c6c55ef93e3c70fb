import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/** A native <dialog>: focus trap, Escape to close and the backdrop come from the browser. */
export function Modal({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useI18n();
  // Issue 17: closing (the dialog leaves the page) gives the focus back to what opened it, not <body>.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);
  return (
    <dialog ref={ref} className={wide ? 'modal modal-wide' : 'modal'} onClose={onClose} aria-label={title}>
      <header className="modal-head">
        <h2>{title}</h2>
        <button type="button" className="btn-icon" onClick={onClose} aria-label={t.app.close}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
