// The monitor's actions on a row (a ticket, an agent): a menu of what may be done, and a dialog
// that asks first — its fields, the refusal worded from its code, and buttons that say what they do.
import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Menu,
  MenuItem,
} from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { useErrorText } from '../shared/errors';

/** An icon button opening a menu of `actions`; the chosen one's dialog, closed by `close`. */
export function ActionMenu<A extends string>({
  label,
  testId,
  itemTestId,
  actions,
  itemLabel,
  dialog,
}: {
  label: string;
  testId: string;
  itemTestId: (a: A) => string;
  actions: readonly A[];
  itemLabel: (a: A) => string;
  dialog: (action: A, close: () => void) => ReactNode;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState<A | null>(null);
  return (
    <>
      <IconButton
        size="small"
        aria-label={label}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid={testId}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {actions.map((a) => (
          <MenuItem
            key={a}
            data-testid={itemTestId(a)}
            onClick={() => {
              setAnchor(null);
              setOpen(a);
            }}
          >
            {itemLabel(a)}
          </MenuItem>
        ))}
      </Menu>
      {open && dialog(open, () => setOpen(null))}
    </>
  );
}

/** `testIds`: the dialog's, and those of its error, "no" and "yes" (the browser tests find them). */
export function ActionDialog({
  title,
  content,
  children,
  error,
  no,
  yes,
  danger,
  disabled,
  onYes,
  onClose,
  testIds,
}: {
  title: string;
  content: string;
  children: ReactNode;
  error: unknown;
  no: string;
  yes: string;
  danger: boolean;
  disabled: boolean;
  onYes: () => void;
  onClose: () => void;
  testIds: { dialog: string; error: string; no?: string; yes?: string };
}) {
  const errorText = useErrorText();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs" data-testid={testIds.dialog}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{content}</DialogContentText>
        {children}
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid={testIds.error}>
            {errorText(error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid={testIds.no}>
          {no}
        </Button>
        <Button
          variant="contained"
          color={danger ? 'error' : 'primary'}
          disabled={disabled}
          onClick={onYes}
          data-testid={testIds.yes}
        >
          {yes}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
