// One change of configuration as a reader wants it (issue 19): each changed field by its label,
// before and after — a create shows what was set, a delete what was removed, a new password or
// secret only that it changed.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ConfigAuditEntry } from '@domain/contracts/resources';
import { useTranslate } from 'react-admin';
import type { z } from 'zod';

type Entry = z.infer<typeof ConfigAuditEntry>;

/** A stored value in words: nothing as a dash, yes/no, lists and objects as compact text. */
function useValueText(): (v: unknown) => string {
  const translate = useTranslate();
  return (v) => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return translate(v ? 'ventanilla.audit.yes' : 'ventanilla.audit.no');
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };
}

/** A field's label as its resource's form shows it, or its name when the form has none. */
export function useFieldLabel(): (resource: string, field: string) => string {
  const translate = useTranslate();
  return (resource, field) => translate(`resources.${resource}.fields.${field}`, { _: field });
}

export function AuditChanges({ entry }: { entry: Entry }) {
  const translate = useTranslate();
  const text = useValueText();
  const label = useFieldLabel();
  const fields = entry.changed.filter((f) => f !== 'id');
  const side = (record: Entry['before'], f: string) =>
    record && f in record ? text(record[f]) : translate('ventanilla.audit.hidden');
  return (
    <Table size="small" aria-label={translate('ventanilla.audit.changes')}>
      <TableHead>
        <TableRow>
          <TableCell component="th">{translate('ventanilla.audit.field')}</TableCell>
          <TableCell component="th">{translate('ventanilla.audit.before')}</TableCell>
          <TableCell component="th">{translate('ventanilla.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((f) => (
          <TableRow key={f}>
            <TableCell>{label(entry.resource, f)}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{entry.before ? side(entry.before, f) : '—'}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{entry.after ? side(entry.after, f) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** "Servicio Cajas (#3)": the record's own name where it has one, else its number. */
export function recordLabel(entry: Entry): string {
  const r = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  const name =
    (typeof r.firstName === 'string' && `${r.firstName} ${String(r.lastName ?? '')}`.trim()) ||
    (typeof r.label === 'string' && typeof r.name === 'string' && `${r.label} · ${r.name}`) ||
    (typeof r.name === 'string' && r.name) ||
    (typeof r.url === 'string' && r.url) ||
    '';
  return name ? `${name} (#${entry.recordId})` : `#${entry.recordId}`;
}
