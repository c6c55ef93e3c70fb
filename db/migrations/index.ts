// Migrations are imported statically (not discovered on disk) so they load the same way under
// tsx, vitest and any bundler. Append new migrations here, in order.
import type { Knex } from 'knex';
import * as organisation from './20261124_001_organisation.js';
import * as tickets from './20261124_002_tickets.js';
import * as shifts from './20261124_003_shifts_video_integration.js';
import * as statusTokens from './20261124_004_public_status_tokens.js';
import * as video from './20261124_005_video.js';
import * as webhookOutbox from './20261124_005_webhook_outbox.js';
import * as shiftDispatch from './20261124_010_shift_dispatch.js';
import * as numberingService from './20261124_011_ticket_numbering_service.js';
import * as stuckWork from './20261129_012_stuck_work.js';
import * as sessionsLogins from './20261201_013_sessions_logins.js';
import * as webhookDeliveryOutcome from './20261201_014_webhook_delivery_outcome.js';
import * as operatorRole from './20261201_015_operator_role.js';
import * as reportRollups from './20261202_016_report_rollups.js';
import * as readPathIndexes from './20261202_017_read_path_indexes.js';
import * as onMyWay from './20261203_018_on_my_way.js';
import * as timelinePartitions from './20261204_019_timeline_partitions.js';
import * as retention from './20261204_020_retention.js';
import * as ticketStatusAt from './20261204_021_ticket_status_at.js';
import * as appointmentEntry from './20261204_022_appointment_entry.js';
import * as foldedSearch from './20261204_023_folded_search.js';
import * as reportGrains from './20261204_030_report_grains.js';
import * as ticketFacts from './20261204_031_ticket_facts.js';
import * as liveTicketIndexes from './20261204_032_live_ticket_indexes.js';
import * as appointmentGrace from './20261204_033_appointment_grace.js';
import * as configAudit from './20261204_040_config_audit.js';
import * as reportOutcomes from './20261205_046_report_outcomes.js';
import * as customerConsent from './20261206_049_customer_consent.js';
import * as alerts from './20261206_050_alerts.js';
import * as shiftEventsHourAgents from './20261206_055_shift_events_hour_agents.js';
import * as messages from './20261206_060_messages.js';
import * as notifyAhead from './20261206_061_notify_ahead.js';
import * as appointmentReminder from './20261206_062_appointment_reminder.js';
import * as messageProvider from './20261206_063_message_provider.js';
import * as surveys from './20261206_065_surveys.js';
import * as priorityAtKiosk from './20261206_066_priority_at_kiosk.js';
import * as lowScoreAlerts from './20261206_070_low_score_alerts.js';
import * as surveyStep from './20261206_071_survey_step.js';
import * as appointmentCode from './20261206_072_appointment_code.js';
import * as messageProviderId from './20261206_080_message_provider_id.js';

type Migration = { up(k: Knex): Promise<void>; down(k: Knex): Promise<void> };
const MIGRATIONS: [string, Migration][] = [
  ['20261124_001_organisation', organisation],
  ['20261124_002_tickets', tickets],
  ['20261124_003_shifts_video_integration', shifts],
  ['20261124_004_public_status_tokens', statusTokens],
  ['20261124_005_video', video],
  ['20261124_005_webhook_outbox', webhookOutbox],
  ['20261124_010_shift_dispatch', shiftDispatch],
  ['20261124_011_ticket_numbering_service', numberingService],
  ['20261129_012_stuck_work', stuckWork],
  ['20261201_013_sessions_logins', sessionsLogins],
  ['20261201_014_webhook_delivery_outcome', webhookDeliveryOutcome],
  ['20261201_015_operator_role', operatorRole],
  ['20261202_016_report_rollups', reportRollups],
  ['20261202_017_read_path_indexes', readPathIndexes],
  ['20261203_018_on_my_way', onMyWay],
  ['20261204_019_timeline_partitions', timelinePartitions],
  ['20261204_020_retention', retention],
  ['20261204_021_ticket_status_at', ticketStatusAt],
  ['20261204_022_appointment_entry', appointmentEntry],
  ['20261204_023_folded_search', foldedSearch],
  ['20261204_030_report_grains', reportGrains],
  ['20261204_031_ticket_facts', ticketFacts],
  ['20261204_032_live_ticket_indexes', liveTicketIndexes],
  ['20261204_033_appointment_grace', appointmentGrace],
  ['20261204_040_config_audit', configAudit],
  ['20261205_046_report_outcomes', reportOutcomes],
  ['20261206_049_customer_consent', customerConsent],
  ['20261206_050_alerts', alerts],
  ['20261206_055_shift_events_hour_agents', shiftEventsHourAgents],
  ['20261206_060_messages', messages],
  ['20261206_061_notify_ahead', notifyAhead],
  ['20261206_062_appointment_reminder', appointmentReminder],
  ['20261206_063_message_provider', messageProvider],
  ['20261206_065_surveys', surveys],
  ['20261206_066_priority_at_kiosk', priorityAtKiosk],
  ['20261206_070_low_score_alerts', lowScoreAlerts],
  ['20261206_071_survey_step', surveyStep],
  ['20261206_072_appointment_code', appointmentCode],
  ['20261206_080_message_provider_id', messageProviderId],
];

export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: ([name]) => name,
  getMigration: async ([, m]) => m,
};
