-- wrk script: POST /api/v1/tickets with a new customer per request (a fresh phone number), a Chinese subject and
-- description, and a fresh Idempotency-Key. Usage (bench/tickets.sh sets these):
--   TOKEN=... wrk -t2 -c8 -d30s -s bench/ticket-create.lua http://localhost:18082
local token = os.getenv("TOKEN")
local subjects = {"宽带从昨天开始断网", "光猫指示灯闪红，无法上网", "本月话费扣费异常", "申请安装千兆宽带",
    "投诉装维人员迟到两小时", "物业报修：卫生间漏水"}
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    -- each thread numbers its own customers from a different start, and each run from the clock
    counter = (os.time() % 100000) * 1000 + id * 100000000
end

function request()
    counter = counter + 1
    local phone = string.format("15%09d", counter % 1000000000)
    local body = string.format('{"customer":{"name":"客户%d","phones":["%s"]},"type":"REPAIR","priority":"HIGH",'
        .. '"channel":"API","subject":"%s","description":"客户来电反映自昨晚十点起家中宽带无法连接，重启光猫无效。",'
        .. '"customFields":{"region":"浙江省杭州市"}}', counter, phone, subjects[counter % #subjects + 1])
    return wrk.format("POST", "/api/v1/tickets", {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = "wrk-" .. phone
    }, body)
end

local failures = 0
function response(status, headers, body)
    if status ~= 201 then
        failures = failures + 1
        if failures < 3 then print("unexpected " .. status .. ": " .. body) end
    end
end

function done(summary, latency, requests)
    io.write(string.format("wrk: %d requests, %.0f tickets/s, non-2xx %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
        summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
