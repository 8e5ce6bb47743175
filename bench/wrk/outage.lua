-- The same list, uncached, while PostgreSQL goes away and comes back: answers by status for each
-- second of the run (bench/serve-load.ts stops and starts the database in the middle).
dofile(os.getenv("WRK_DIR") .. "/report.lua")
local counter = 0

function init(args)
  statuses = {}
  seconds = {}
end

function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?_n=" .. tostring(math.random(1, 2000000000)) .. "_" .. counter)
end

-- Flat keys ("second:status"): wrk copies a thread's table one level deep only.
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local key = tostring(os.time()) .. ":" .. tostring(status)
  seconds[key] = (seconds[key] or 0) + 1
end

local base_done = done
function done(summary, latency, requests)
  base_done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads_list()) do
    for key, n in pairs(thread:get("seconds")) do
      local second, status = string.match(key, "(%d+):(%d+)")
      merged[second] = merged[second] or {}
      merged[second][status] = (merged[second][status] or 0) + n
    end
  end
  local keys = {}
  for second in pairs(merged) do table.insert(keys, second) end
  table.sort(keys)
  for _, second in ipairs(keys) do
    local parts = {}
    for status, n in pairs(merged[second]) do table.insert(parts, string.format('"%s":%d', status, n)) end
    io.write(string.format('SECOND {"at":%s,"statuses":{%s}}\n', second, table.concat(parts, ",")))
  end
end
