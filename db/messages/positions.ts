// Issue 20: the waiting customers who should now hear "N ahead of you" or "you are next": only
// tickets whose customer can be told, in services with a threshold, and not told yet for this
// stay in the queue (its occasion: when it joined the queue, in epoch seconds). "Ahead" counts
// as the status page does (api/public/queries.ts statusOf): higher priority, or same and earlier.
import type { Db } from '../knex.js';

export interface PositionNews {
  ticketId: string;
  workflowId: string;
  ahead: number;
  occasion: number;
}

export async function positionNews(db: Db): Promise<PositionNews[]> {
  const { rows } = await db.raw(`
    with waiting as (
      select t.id, t.workflow_id, s.notify_ahead as threshold,
        floor(extract(epoch from t.queued_at))::int as occasion,
        (select count(*) from tickets o
          where o.service_id = t.service_id and o.service_day = t.service_day and o.status = 'waiting'
            and (o.priority > t.priority or (o.priority = t.priority and o.arrival_at < t.arrival_at)))::int as ahead
      from tickets t
      join services s on s.id = t.service_id and s.notify_ahead is not null
      join customers c on c.id = t.customer_id
        and ((c.notify_email and c.email is not null) or ((c.notify_sms or c.notify_whatsapp) and c.phone is not null))
      where t.status = 'waiting' and t.queued_at is not null
    )
    select w.id, w.workflow_id, w.ahead, w.occasion from waiting w
    where w.ahead <= w.threshold
      and not exists (select 1 from messages m where m.ticket_id = w.id and m.occasion = w.occasion
        and m.kind = case when w.ahead = 0 then 'next' else 'ahead' end)
      -- "ahead" is told once per stay: not again once "next" was, nor a second time at a smaller N
      and not exists (select 1 from messages m where m.ticket_id = w.id and m.occasion = w.occasion
        and w.ahead > 0 and m.kind in ('ahead', 'next'))
    limit 500`);
  return rows.map((r: { id: string; workflow_id: string; ahead: number; occasion: number }) => ({
    ticketId: r.id,
    workflowId: r.workflow_id,
    ahead: r.ahead,
    occasion: r.occasion,
  }));
}
