// Wiring only: providers, resources (folder = API path = table = i18n key), custom pages.
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { createAuthProvider } from './authProvider';
import alert_rules from './alert_rules';
import alerts from './alerts';
import branches from './branches';
import break_caps from './break_caps';
import config_audit from './config_audit';
import customers from './customers';
import { dataProvider } from './dataProvider';
import departments from './departments';
import desks from './desks';
import entities from './entities';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { LoginPage } from './login/LoginPage';
import priorities from './priorities';
import service_assignments from './service_assignments';
import services from './services';
import shifts from './shifts';
import tickets from './tickets';
import topics from './topics';
import surveys from './surveys';
import users from './users';
import webhooks from './webhooks';
import messages from './messages';
import message_templates from './message_templates';
import message_providers from './message_providers';

const authProvider = createAuthProvider();
// Issue 17: the two pages with charts and live panels (recharts alone is a third of the back
// office) load when opened, not with the login; react-admin's layout shows its loader meanwhile.
const MonitorPage = lazy(async () => ({ default: (await import('./monitor/MonitorPage')).MonitorPage }));
const ReportsPage = lazy(async () => ({ default: (await import('./reports/ReportsPage')).ReportsPage }));

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    loginPage={LoginPage}
    title="Ventanilla"
    dashboard={MonitorPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="tickets" {...tickets} recordRepresentation="number" />
    <Resource name="customers" {...customers} recordRepresentation={(c) => `${c.firstName} ${c.lastName}`} />
    <Resource
      name="shifts"
      {...shifts}
      // A shift is its agent and its day, not its id (the show page's title).
      recordRepresentation={(s) => `${s.userName} · ${new Date(s.startedAt).toLocaleDateString()}`}
    />
    <Resource name="entities" {...entities} recordRepresentation="name" />
    <Resource name="branches" {...branches} recordRepresentation="name" />
    <Resource name="departments" {...departments} recordRepresentation="name" />
    <Resource name="services" {...services} recordRepresentation={(s) => `${s.label} · ${s.name}`} />
    <Resource name="topics" {...topics} recordRepresentation="name" />
    <Resource name="priorities" {...priorities} recordRepresentation="name" />
    <Resource name="desks" {...desks} recordRepresentation="name" />
    <Resource name="users" {...users} recordRepresentation={(u) => `${u.firstName} ${u.lastName}`} />
    <Resource name="service_assignments" {...service_assignments} />
    <Resource name="break_caps" {...break_caps} />
    <Resource name="webhooks" {...webhooks} recordRepresentation="url" />
    <Resource name="config_audit" {...config_audit} />
    <Resource name="alerts" {...alerts} />
    <Resource name="alert_rules" {...alert_rules} />
    <Resource name="surveys" {...surveys} />
    <Resource name="messages" {...messages} />
    <Resource name="message_templates" {...message_templates} />
    <Resource name="message_providers" {...message_providers} recordRepresentation="url" />
    <CustomRoutes>
      <Route path="/monitor" element={<MonitorPage />} />
      <Route path="/reports" element={<ReportsPage />} />
    </CustomRoutes>
  </Admin>
);
