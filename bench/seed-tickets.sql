-- Seeds :n historical tickets (2% still open, spread over the skill groups and staff) for the ticket benchmarks,
-- with 10,000 plain customers to own them. Run by bench/tickets.sh with psql against the benchmark's database.
INSERT INTO customer (type, name, search_name, name_grams, pinyin_initials, pinyin_full)
SELECT 'PERSON', '历史客户' || g, '历史客户' || g, '{}', 'lskh', 'lishikehu' FROM generate_series(1, 10000) g;

WITH customers AS (SELECT min(id) AS first FROM customer WHERE name LIKE '历史客户%'),
     people AS (SELECT array_agg(id ORDER BY id) AS ids FROM staff),
     groups AS (SELECT array_agg(id ORDER BY id) AS ids FROM skill_group)
INSERT INTO ticket (customer_id, type_code, priority, channel, subject, description, state, owner_id, assignee_id,
                    skill_group_id, created_by, created_at, updated_at, resolved_at, closed_at, next_due_at,
                    sla_state)
SELECT c.first + g % 10000,
       (ARRAY ['CONSULTATION', 'REPAIR', 'SERVICE_REQUEST', 'COMPLAINT', 'SUGGESTION'])[1 + g % 5],
       (ARRAY ['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + g % 5],
       (ARRAY ['PHONE', 'EMAIL', 'WEB', 'WECHAT', 'API'])[1 + g % 5],
       '历史工单 ' || g || '：宽带断网，光猫指示灯闪红',
       '客户来电反映宽带无法连接，已派装维上门处理。',
       CASE WHEN g % 50 = 0 THEN 'IN_PROGRESS' ELSE 'CLOSED' END,
       p.ids[1 + g % array_length(p.ids, 1)], p.ids[1 + (g / 7) % array_length(p.ids, 1)],
       gr.ids[1 + g % array_length(gr.ids, 1)], p.ids[1 + g % array_length(p.ids, 1)],
       now() - (g || ' seconds')::interval * 30, now() - (g || ' seconds')::interval * 30,
       CASE WHEN g % 50 = 0 THEN NULL ELSE now() - (g || ' seconds')::interval * 29 END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE now() - (g || ' seconds')::interval * 28 END,
       CASE WHEN g % 50 = 0 THEN now() + (g % 1440 || ' minutes')::interval END,
       CASE WHEN g % 50 = 0 THEN 'ON_TIME' ELSE 'NONE' END
FROM generate_series(1, :n) g, customers c, people p, groups gr;
-- Settle what a bulk load leaves behind (visibility map, statistics, dirty pages) before anything is measured.
VACUUM ANALYZE ticket;
ANALYZE customer;
CHECKPOINT;
