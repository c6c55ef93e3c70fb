// Issue 20: the customers' satisfaction answers — the summary per agent, service or topic above,
// every answer below (newest first, filtered by score). Read-only, like the API behind it.
import { Card } from '@mui/material';
import { SCORES } from '@domain/surveys';
import { Datagrid, DateField, FunctionField, List, NumberField, SelectArrayInput, TextField } from 'react-admin';
import type { Survey } from '@domain/contracts/surveys';
import { SurveySummary } from './SurveySummary';

const filters = [
  <SelectArrayInput
    key="score"
    source="score"
    alwaysOn
    choices={SCORES.map((n) => ({ id: n, name: String(n) }))}
    translateChoice={false}
  />,
];

function SurveyList() {
  return (
    <>
      <Card sx={{ mb: 2, mt: 1 }}>
        <SurveySummary />
      </Card>
      <List exporter={false} filters={filters} sort={{ field: 'answeredAt', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <DateField source="answeredAt" showTime />
          <TextField source="number" sortable={false} />
          <TextField source="serviceName" sortable={false} />
          <TextField source="agentName" sortable={false} emptyText="—" />
          <FunctionField source="topics" sortable={false} render={(s: Survey) => s.topics.join(', ')} />
          <NumberField source="score" />
          <TextField source="comment" sortable={false} emptyText="" />
        </Datagrid>
      </List>
    </>
  );
}

export default { list: SurveyList };
