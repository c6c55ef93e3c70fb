// Issue 19: narrowing every report of the page to a department, a service or an agent (of the
// chosen branch, when one is). The API applies the same filters to the summary, the topics, the
// heat map and the trends; agent time is left out when narrowed to a service or department.
import { MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';

export interface Narrowing {
  departmentId: string;
  serviceId: string;
  agentId: string;
  /** The chosen ones' names, for the report's title (the filters are not printed). */
  names: string[];
}
export const NO_NARROWING: Narrowing = { departmentId: '', serviceId: '', agentId: '', names: [] };

/** The narrowing as the report queries take it (numbers; none left out). */
export const narrowingQuery = (n: Narrowing) => ({
  ...(n.departmentId ? { departmentId: Number(n.departmentId) } : {}),
  ...(n.serviceId ? { serviceId: Number(n.serviceId) } : {}),
  ...(n.agentId ? { agentId: Number(n.agentId) } : {}),
});

const page = { page: 1, perPage: 200 };

function Pick(props: {
  label: string;
  value: string;
  all: string;
  options: { id: string; name: string }[];
  onChange: (v: string, name: string) => void;
  testId: string;
}) {
  return (
    <TextField
      fullWidth={false}
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value, props.options.find((o) => o.id === e.target.value)?.name ?? '')}
      sx={{ minWidth: 170 }}
      data-testid={props.testId}
    >
      <MenuItem value="">{props.all}</MenuItem>
      {props.options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function ReportNarrowing(props: { branchId: string; value: Narrowing; onChange: (n: Narrowing) => void }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const all = translate('ventanilla.report_trends.all');
  const branch = props.branchId ? { branchId: Number(props.branchId) } : {};
  const { data: departments = [] } = useGetList('departments', {
    pagination: page,
    sort: { field: 'name', order: 'ASC' },
    filter: branch,
  });
  const { data: services = [] } = useGetList('services', {
    pagination: page,
    sort: { field: 'label', order: 'ASC' },
    filter: { ...branch, ...(props.value.departmentId ? { departmentId: Number(props.value.departmentId) } : {}) },
  });
  const { data: agents = [] } = useGetList('users', {
    pagination: page,
    sort: { field: 'firstName', order: 'ASC' },
    filter: { ...branch, role: 'agent' },
  });
  const v = props.value;
  const depName = departments.map((d) => ({ id: String(d.id), name: String(d.name) }));
  const svcName = services.map((x) => ({ id: String(x.id), name: `${String(x.label)} · ${String(x.name)}` }));
  const agentName = agents.map((a) => ({ id: String(a.id), name: `${String(a.firstName)} ${String(a.lastName)}` }));
  const nameOf = (list: { id: string; name: string }[], id: string) => list.find((o) => o.id === id)?.name;
  const change = (next: Omit<Narrowing, 'names'>, named: Record<string, string>) => {
    const names = (['departmentId', 'serviceId', 'agentId'] as const)
      .map(
        (k) =>
          next[k] &&
          (named[k] ?? nameOf(k === 'departmentId' ? depName : k === 'serviceId' ? svcName : agentName, next[k])),
      )
      .filter((n): n is string => Boolean(n));
    props.onChange({ ...next, names });
  };
  return (
    <>
      <Pick
        label={t('department')}
        value={v.departmentId}
        all={all}
        testId="report-department"
        options={depName}
        // A service of another department no longer fits.
        onChange={(departmentId, name) => change({ ...v, departmentId, serviceId: '' }, { departmentId: name })}
      />
      <Pick
        label={t('service')}
        value={v.serviceId}
        all={all}
        testId="report-service"
        options={svcName}
        onChange={(serviceId, name) => change({ ...v, serviceId }, { serviceId: name })}
      />
      <Pick
        label={t('agent')}
        value={v.agentId}
        all={all}
        testId="report-agent"
        options={agentName}
        onChange={(agentId, name) => change({ ...v, agentId }, { agentId: name })}
      />
    </>
  );
}
