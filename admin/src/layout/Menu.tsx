// Operation first (monitor, reports, tickets), then configuration; admin-only entries hidden
// from supervisors (the API refuses them anyway).
import InsightsIcon from '@mui/icons-material/Insights';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { Divider } from '@mui/material';
import { hasAdminRights } from '@domain/agents';
import { Menu, usePermissions } from 'react-admin';

const CONFIG = [
  'branches',
  'departments',
  'services',
  'topics',
  'priorities',
  'desks',
  'users',
  'service_assignments',
  'break_caps',
  'alert_rules',
  'message_templates',
];

export function AppMenu() {
  const { permissions } = usePermissions<string>();
  const admin = hasAdminRights(permissions);
  return (
    <Menu>
      <Menu.Item to="/monitor" primaryText="ventanilla.menu.monitor" leftIcon={<MonitorHeartIcon />} />
      <Menu.Item to="/reports" primaryText="ventanilla.menu.reports" leftIcon={<InsightsIcon />} />
      <Menu.ResourceItem name="tickets" />
      <Menu.ResourceItem name="customers" />
      <Menu.ResourceItem name="shifts" />
      <Menu.ResourceItem name="alerts" />
      <Menu.ResourceItem name="surveys" />
      <Menu.ResourceItem name="messages" />
      <Divider />
      {admin && <Menu.ResourceItem name="entities" />}
      {CONFIG.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
      {admin && <Menu.ResourceItem name="webhooks" />}
      {admin && <Menu.ResourceItem name="message_providers" />}
      <Menu.ResourceItem name="config_audit" />
    </Menu>
  );
}
