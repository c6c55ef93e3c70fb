// H3 charts: average times, SLA and abandonment per group, and agent time when it applies.
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
    noShow: r.noShow,
    cancelled: r.cancelled - r.leftBeforeCalled,
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
            <Bar isAnimationActive={false} dataKey="wait" name={t('avg_wait')} fill="#1976d2" />
            <Bar isAnimationActive={false} dataKey="walk" name={t('avg_walk')} fill="#9c27b0" />
            <Bar isAnimationActive={false} dataKey="service" name={t('avg_service')} fill="#2e7d32" />
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
            <Bar isAnimationActive={false} dataKey="sla" name={t('sla')} fill="#0288d1" />
          </BarChart>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={t('abandon_chart')}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="left" stackId="a" name={t('left')} fill="#ed6c02" />
            <Bar isAnimationActive={false} dataKey="noShow" stackId="a" name={t('no_show')} fill="#d32f2f" />
            <Bar isAnimationActive={false} dataKey="cancelled" stackId="a" name={t('cancelled')} fill="#757575" />
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
              <Bar isAnimationActive={false} dataKey="idle" stackId="b" name={t('idle')} fill="#90caf9" />
              <Bar isAnimationActive={false} dataKey="brk" stackId="b" name={t('break')} fill="#ffb74d" />
              <Bar isAnimationActive={false} dataKey="wrap" stackId="b" name={t('wrap_up')} fill="#ce93d8" />
            </BarChart>
          </ChartCard>
        </Grid>
      )}
    </Grid>
  );
}
