// B6: an existing customer of the entity, found by name or ID number (two letters at least).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listQuery } from '../api/queries';
import { useI18n } from '../i18n';

export function CustomerPick({
  value,
  error,
  onChange,
}: {
  value: number | undefined;
  error?: string;
  onChange(id: number): void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = search.trim();
  const found = useQuery({
    ...listQuery('customers', { filter: { q }, range: [0, 7] }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const rows = q.length >= 2 ? (found.data?.rows ?? []) : [];
  return (
    <div className="customer-pick">
      <input
        type="search"
        aria-label={t.generate.searchCustomer}
        placeholder={t.generate.searchCustomer}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <ul className="pick-list">
        {rows.map((c) => (
          <li key={c.id}>
            <label className={value === c.id ? 'pick on' : 'pick'}>
              <input type="radio" name="customerId" checked={value === c.id} onChange={() => onChange(c.id)} />
              <span className="truncate">
                {c.firstName} {c.lastName}
              </span>
              <span className="mono muted">{c.idNumber}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
