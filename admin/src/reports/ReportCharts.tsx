// H3 charts: average times, SLA and how tickets ended (issue 19: by who ended them) per group, and agent time when it applies.
import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { minutes } from '../shared/format';
import type { ReportRow } from '@domain/contracts/resources';

function ChartCard({ title, children }: { title: string; children: ReactElement }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {title}
        </Typography>
        <ResponsiveContainer width="99%" height={260}>
          {children}
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

export function ReportCharts({ rows }: { rows: ReportRow[] }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`ventanilla.reports.${k}`);
  const data = rows.map((r) => ({
    label: r.label,
    wait: minutes(r.avgWaitSeconds),
    walk: minutes(r.avgWalkSeconds),
    service: minutes(r.avgServiceSeconds),
    sla: r.slaPercent,
    left: r.leftBeforeCalled,
    noShowTimeout: r.noShowTimeout,
    noShowMarked: r.noShowMarked,
    staff: r.cancelledByStaff,
    missed: r.missedAppointment,
    idle: minutes(r.idleSeconds),
    brk: minutes(r.breakSeconds),
    wrap: minutes(r.wrapUpSeconds),
  }));
  const hasAgentTime = rows.some((r) => r.idleSeconds !== null);
  return (
    <Grid container spacing={2} data-testid="report-charts">
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={t('times')}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="wait" name={t('columns.avgWaitSeconds')} fill="#1976d2" />
            <Bar isAnimationActive={false} dataKey="walk" name={t('columns.avgWalkSeconds')} fill="#9c27b0" />
            <Bar isAnimationActive={false} dataKey="service" name={t('columns.avgServiceSeconds')} fill="#2e7d32" />
          </BarChart>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={t('sla_chart')}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Bar isAnimationActive={false} dataKey="sla" name={t('columns.slaPercent')} fill="#0288d1" />
          </BarChart>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={t('outcomes_chart')}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {/* The customer's doing first (abandonment), then the rest. */}
            <Bar
              isAnimationActive={false}
              dataKey="left"
              stackId="a"
              name={t('columns.leftBeforeCalled')}
              fill="#ed6c02"
            />
            <Bar
              isAnimationActive={false}
              dataKey="noShowTimeout"
              stackId="a"
              name={t('columns.noShowTimeout')}
              fill="#d32f2f"
            />
            <Bar
              isAnimationActive={false}
              dataKey="noShowMarked"
              stackId="a"
              name={t('columns.noShowMarked')}
              fill="#8e24aa"
            />
            <Bar
              isAnimationActive={false}
              dataKey="staff"
              stackId="a"
              name={t('columns.cancelledByStaff')}
              fill="#757575"
            />
            <Bar
              isAnimationActive={false}
              dataKey="missed"
              stackId="a"
              name={t('columns.missedAppointment')}
              fill="#5d4037"
            />
          </BarChart>
        </ChartCard>
      </Grid>
      {hasAgentTime && (
        <Grid size={{ xs: 12, md: 6 }}>
          <ChartCard title={t('agent_time')}>
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar
                isAnimationActive={false}
                dataKey="idle"
                stackId="b"
                name={t('columns.idleSeconds')}
                fill="#90caf9"
              />
              <Bar
                isAnimationActive={false}
                dataKey="brk"
                stackId="b"
                name={t('columns.breakSeconds')}
                fill="#ffb74d"
              />
              <Bar
                isAnimationActive={false}
                dataKey="wrap"
                stackId="b"
                name={t('columns.wrapUpSeconds')}
                fill="#ce93d8"
              />
            </BarChart>
          </ChartCard>
        </Grid>
      )}
    </Grid>
  );
}
