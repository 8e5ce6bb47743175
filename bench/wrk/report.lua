-- Shared by the load scripts: counts answers by status in each thread, and prints, when wrk
-- is done, one JSON line: requests, statuses, p50/p95/p99 latency in ms, errors.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function threads_list()
  return threads
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do totals[status] = (totals[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(totals) do table.insert(parts, string.format('"%d":%d', status, n)) end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('RESULT {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,"socketErrors":%d,"non2xx":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status, table.concat(parts, ",")))
end
