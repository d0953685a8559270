-- SLA: business calendars, SLA policies, the clocks of tickets, and db-scheduler's table for timers.
-- ticket_id names a ticket of the ticket module; no foreign key, so that the modules stay apart.

CREATE TABLE sla_calendar (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL UNIQUE,
    zone        VARCHAR(64) NOT NULL DEFAULT 'Asia/Shanghai',
    is_default  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- At most one default calendar.
CREATE UNIQUE INDEX sla_calendar_one_default ON sla_calendar (is_default) WHERE is_default;

-- Weekly working periods (day_of_week 1 = Monday … 7 = Sunday), or the periods of one make-up working day
-- (work_date). Minutes of the day; an end of 1440 is midnight at the end of the day.
CREATE TABLE sla_calendar_period (
    id            BIGSERIAL PRIMARY KEY,
    calendar_id   BIGINT NOT NULL REFERENCES sla_calendar (id) ON DELETE CASCADE,
    day_of_week   SMALLINT CHECK (day_of_week BETWEEN 1 AND 7),
    work_date     DATE,
    start_minute  INT NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute    INT NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (start_minute < end_minute),
    CHECK ((day_of_week IS NULL) <> (work_date IS NULL))
);
CREATE INDEX sla_calendar_period_calendar ON sla_calendar_period (calendar_id);

-- Public holidays (closed) and make-up working days (调休: worked, usually a weekend day).
CREATE TABLE sla_calendar_date (
    calendar_id  BIGINT NOT NULL REFERENCES sla_calendar (id) ON DELETE CASCADE,
    day          DATE NOT NULL,
    kind         VARCHAR(10) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name         VARCHAR(100),
    PRIMARY KEY (calendar_id, day)
);

CREATE TABLE sla_policy (
    id                      BIGSERIAL PRIMARY KEY,
    name                    VARCHAR(100) NOT NULL UNIQUE,
    active                  BOOLEAN NOT NULL DEFAULT TRUE,
    rank                    INT NOT NULL DEFAULT 100,
    ticket_types            TEXT[] NOT NULL DEFAULT '{}',
    priorities              TEXT[] NOT NULL DEFAULT '{}',
    customer_tiers          TEXT[] NOT NULL DEFAULT '{}',
    channels                TEXT[] NOT NULL DEFAULT '{}',
    first_response_minutes  INT NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes      INT NOT NULL CHECK (resolution_minutes > 0),
    warn_percent            INT NOT NULL DEFAULT 80 CHECK (warn_percent BETWEEN 1 AND 99),
    calendar_id             BIGINT NOT NULL REFERENCES sla_calendar (id),
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One clock per ticket and metric. The policy's name, target and warning share are copied when the clock starts:
-- editing a policy later changes new tickets, not the promises already made. remaining_seconds is the business
-- time left, kept while PAUSED and recorded when met.
CREATE TABLE sla_clock (
    ticket_id          BIGINT NOT NULL,
    metric             VARCHAR(20) NOT NULL CHECK (metric IN ('FIRST_RESPONSE', 'RESOLUTION')),
    state              VARCHAR(10) NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED')),
    policy_id          BIGINT NOT NULL,
    policy_name        VARCHAR(100) NOT NULL,
    calendar_id        BIGINT NOT NULL,
    target_minutes     INT NOT NULL,
    warn_percent       INT NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    due_at             TIMESTAMPTZ,
    warn_at            TIMESTAMPTZ,
    remaining_seconds  BIGINT,
    met_at             TIMESTAMPTZ,
    warned             BOOLEAN NOT NULL DEFAULT FALSE,
    breached           BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, metric)
);
CREATE INDEX sla_clock_running_due ON sla_clock (due_at) WHERE state = 'RUNNING';

-- db-scheduler's table, as in its PostgreSQL schema: persistent, cluster-safe one-time and recurring tasks.
CREATE TABLE scheduled_tasks (
    task_name             TEXT NOT NULL,
    task_instance         TEXT NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMPTZ NOT NULL,
    picked                BOOLEAN NOT NULL,
    picked_by             TEXT,
    last_success          TIMESTAMPTZ,
    last_failure          TIMESTAMPTZ,
    consecutive_failures  INT,
    last_heartbeat        TIMESTAMPTZ,
    version               BIGINT NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The standard calendar: Mon–Fri 08:30–12:00 and 13:30–18:00, China's 2026 public holidays and make-up days
-- (General Office of the State Council). Admins maintain the dates every year.
INSERT INTO sla_calendar (name, zone, is_default) VALUES ('标准工作日历', 'Asia/Shanghai', TRUE);

INSERT INTO sla_calendar_period (calendar_id, day_of_week, start_minute, end_minute)
SELECT c.id, d.day, p.start_minute, p.end_minute
FROM sla_calendar c
CROSS JOIN generate_series(1, 5) AS d (day)
CROSS JOIN (VALUES (510, 720), (810, 1080)) AS p (start_minute, end_minute)
WHERE c.name = '标准工作日历';

INSERT INTO sla_calendar_date (calendar_id, day, kind, name)
SELECT c.id, d.day::date, d.kind, d.name
FROM sla_calendar c
JOIN (VALUES
    ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦调休'),
    ('2026-02-14', 'WORKDAY', '春节调休'),
    ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-28', 'WORKDAY', '春节调休'),
    ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节调休'),
    ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-20', 'WORKDAY', '国庆节调休'),
    ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-10-10', 'WORKDAY', '国庆节调休')
) AS d (day, kind, name) ON TRUE
WHERE c.name = '标准工作日历';

-- Demo policies: the most specific matching policy wins, the standard one catches every other ticket.
INSERT INTO sla_policy (name, rank, ticket_types, priorities, customer_tiers, channels,
                        first_response_minutes, resolution_minutes, warn_percent, calendar_id)
SELECT p.name, p.rank, p.ticket_types::text[], p.priorities::text[], p.customer_tiers::text[], '{}'::text[],
       p.first_response, p.resolution, 80, c.id
FROM sla_calendar c
JOIN (VALUES
    ('投诉·紧急', 10, '{COMPLAINT}', '{URGENT,HIGH}', '{}', 30, 480),
    ('VIP客户', 20, '{}', '{}', '{VIP}', 60, 960),
    ('标准', 100, '{}', '{}', '{}', 240, 1440)
) AS p (name, rank, ticket_types, priorities, customer_tiers, first_response, resolution) ON TRUE
WHERE c.name = '标准工作日历';

-- The administrator holds every permission; supervisors keep the service standards too.
INSERT INTO role_permission (role_id, permission)
SELECT r.id, 'SLA_MANAGE' FROM role r WHERE r.code = 'SUPERVISOR'
ON CONFLICT DO NOTHING;
