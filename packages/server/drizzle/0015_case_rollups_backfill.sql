-- Cases that exist before the roll-ups: their measures enter as deltas, which the server folds
-- into the roll-ups in batches (`npm run gongzhi -- stats rebuild` does it at once).
INSERT INTO case_measure_deltas (area_code, day, category_code, channel, unit, due_day, received, accepted, closed, due_closed, closed_on_time, handled, reworked, rated, satisfied, basically_satisfied, responded, resolved, due_open, handling_ms)
SELECT area_code, day, category_code, channel, unit, due_day, received, accepted, closed, due_closed, closed_on_time, handled, reworked, rated, satisfied, basically_satisfied, responded, resolved, due_open, handling_ms FROM (select c.id as case_id, c.area_code, ((c.created_at at time zone 'UTC') + interval '8 hours')::date as day, c.category_code, c.channel,
      coalesce(c.handler_unit_id::text, '') as unit,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then ((c.due_at at time zone 'UTC') + interval '8 hours')::date end as due_day,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then c.due_at end as due_at,
      1 as received,
      case when c.accepted_at is not null then 1 else 0 end as accepted,
      case when c.state = 'closed' then 1 else 0 end as closed,
      case when c.accepted_at is not null and c.state = 'closed' then 1 else 0 end as due_closed,
      case when c.state = 'closed' and c.closed_at <= c.due_at then 1 else 0 end as closed_on_time,
      case when c.handled_at is not null then 1 else 0 end as handled,
      case when c.rework_count > 0 then 1 else 0 end as reworked,
      case when c.rating is not null then 1 else 0 end as rated,
      case when c.rating = 'satisfied' then 1 else 0 end as satisfied,
      case when c.rating = 'basically-satisfied' then 1 else 0 end as basically_satisfied,
      case when c.rating is not null and not exists (
        select 1 from case_deadline_marks m where m.case_id = c.id and m.kind = 'overdue' and m.step = 'reported') then 1 else 0 end as responded,
      case when c.rating in ('satisfied', 'basically-satisfied') then 1 else 0 end as resolved,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then 1 else 0 end as due_open,
      case when c.state = 'closed' and c.closed_at is not null
        then (floor(extract(epoch from c.closed_at) * 1000) - floor(extract(epoch from coalesce(c.accepted_at, c.created_at)) * 1000))::bigint else 0 end as handling_ms
    from cases c where true) f;
--> statement-breakpoint
INSERT INTO case_measure_due (case_id, due_at, area_code, day, category_code, channel, unit)
SELECT case_id, due_at, area_code, day, category_code, channel, unit FROM (select c.id as case_id, c.area_code, ((c.created_at at time zone 'UTC') + interval '8 hours')::date as day, c.category_code, c.channel,
      coalesce(c.handler_unit_id::text, '') as unit,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then ((c.due_at at time zone 'UTC') + interval '8 hours')::date end as due_day,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then c.due_at end as due_at,
      1 as received,
      case when c.accepted_at is not null then 1 else 0 end as accepted,
      case when c.state = 'closed' then 1 else 0 end as closed,
      case when c.accepted_at is not null and c.state = 'closed' then 1 else 0 end as due_closed,
      case when c.state = 'closed' and c.closed_at <= c.due_at then 1 else 0 end as closed_on_time,
      case when c.handled_at is not null then 1 else 0 end as handled,
      case when c.rework_count > 0 then 1 else 0 end as reworked,
      case when c.rating is not null then 1 else 0 end as rated,
      case when c.rating = 'satisfied' then 1 else 0 end as satisfied,
      case when c.rating = 'basically-satisfied' then 1 else 0 end as basically_satisfied,
      case when c.rating is not null and not exists (
        select 1 from case_deadline_marks m where m.case_id = c.id and m.kind = 'overdue' and m.step = 'reported') then 1 else 0 end as responded,
      case when c.rating in ('satisfied', 'basically-satisfied') then 1 else 0 end as resolved,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then 1 else 0 end as due_open,
      case when c.state = 'closed' and c.closed_at is not null
        then (floor(extract(epoch from c.closed_at) * 1000) - floor(extract(epoch from coalesce(c.accepted_at, c.created_at)) * 1000))::bigint else 0 end as handling_ms
    from cases c where true) f WHERE due_open = 1;
--> statement-breakpoint
-- Reads of the roll-ups touch a few dozen rows: parallel workers would only add their start-up time.
ALTER TABLE case_rollups SET (parallel_workers = 0);
--> statement-breakpoint
ALTER TABLE case_rollup_due SET (parallel_workers = 0);
--> statement-breakpoint
ALTER TABLE case_measure_due SET (parallel_workers = 0);
--> statement-breakpoint
ALTER TABLE case_measure_deltas SET (parallel_workers = 0);
