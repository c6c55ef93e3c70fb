import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, IconButton } from '@mui/material';
import { isOperator } from '@domain/agents';
import { usePermissions, useTranslate } from 'react-admin';

/**
 * G7: the workflow of a ticket or shift in the Temporal Web UI, in a new tab. Operators only:
 * that UI lists every entity's workflows (the API gives entity staff no links either).
 */
export function TemporalLink({
  href,
  label = 'ventanilla.tickets.temporal',
  compact = false,
}: {
  href: string | null | undefined;
  label?: string;
  compact?: boolean;
}) {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  if (!href || !isOperator(permissions)) return null;
  if (compact) {
    return (
      <IconButton
        size="small"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={translate(label)}
        title={translate(label)}
        data-testid="temporal-link"
      >
        <OpenInNewIcon fontSize="small" />
      </IconButton>
    );
  }
  return (
    <Button
      size="small"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      endIcon={<OpenInNewIcon fontSize="small" />}
      data-testid="temporal-link"
    >
      {translate(label)}
    </Button>
  );
}
