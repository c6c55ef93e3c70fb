// Issue 19: saved lists of this branch's workflows in the Temporal Web UI (operators only: that UI
// shows every entity's workflows). The queries are domain/temporal-queries.ts's.
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Box, Button, Typography } from '@mui/material';
import { BRANCH_WORKFLOW_LISTS, branchWorkflowQuery, workflowListUrl } from '@domain/temporal-queries';
import { useTranslate } from 'react-admin';
import { useTemporalUi } from './useTemporalUi';

export function TemporalLists({ branchId }: { branchId: number }) {
  const translate = useTranslate();
  const base = useTemporalUi();
  if (!base) return null;
  return (
    <Box
      component="nav"
      aria-labelledby="temporal-lists"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 2 }}
      data-testid="temporal-lists"
    >
      <Typography id="temporal-lists" variant="body2" color="text.secondary">
        {translate('ventanilla.monitor.temporal_lists')}
      </Typography>
      {BRANCH_WORKFLOW_LISTS.map((list) => (
        <Button
          key={list}
          size="small"
          variant="outlined"
          href={workflowListUrl(base, branchWorkflowQuery(list, branchId))}
          target="_blank"
          rel="noopener noreferrer"
          endIcon={<OpenInNewIcon fontSize="small" />}
        >
          {translate(`ventanilla.monitor.temporal_list.${list}`)}
        </Button>
      ))}
    </Box>
  );
}
