import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  scheduled: 'default',
  waiting: 'warning',
  calling: 'info',
  attending: 'primary',
  finished: 'success',
  cancelled: 'error',
  no_show: 'error',
  online: 'success',
  offline: 'default',
  resting: 'warning',
  lunch: 'warning',
  documenting: 'info',
};

/** A ticket status or agent state as a coloured chip (vocabulary: ventanilla.status|state.*). */
export function StateChip({
  value,
  vocabulary = 'status',
}: {
  value: string | null | undefined;
  vocabulary?: 'status' | 'state';
}) {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={COLORS[value] ?? 'default'}
      label={translate(`ventanilla.${vocabulary}.${value}`, { _: value })}
    />
  );
}

export function StatusField({
  source = 'status',
  vocabulary = 'status',
}: {
  source?: string;
  vocabulary?: 'status' | 'state';
  label?: string;
  sortable?: boolean;
}) {
  const record = useRecordContext();
  return <StateChip value={record?.[source] as string | undefined} vocabulary={vocabulary} />;
}
