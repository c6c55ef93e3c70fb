// A5, A6: what this agent serves; support services only back up others.
import type { ServiceRef, ShiftView } from '@domain/contracts/shifts';
import { useI18n } from '../i18n';

function ServiceList({
  title,
  hint,
  services,
  kind,
}: {
  title: string;
  hint?: string;
  services: ServiceRef[];
  kind: 'main' | 'support';
}) {
  const { t } = useI18n();
  return (
    <section className="panel">
      <h3 className="panel-title">{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      <ul className="service-list" data-testid={`services-${kind}`}>
        {services.length === 0 && <li className="muted">{t.app.none}</li>}
        {services.map((s) => (
          <li key={s.id}>
            <span className={`label-chip chip-${kind}`}>{s.label}</span>
            <span className="service-name">{s.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ServicesPanel({ shift }: { shift: ShiftView }) {
  const { t } = useI18n();
  return (
    <>
      <ServiceList title={t.desk.main} services={shift.mainServices} kind="main" />
      <ServiceList title={t.desk.support} hint={t.desk.supportHint} services={shift.supportServices} kind="support" />
    </>
  );
}
