-- The same list with a parameter the API ignores that makes every URL new, so that no answer
-- comes from the cache: every request runs the list's queries.
dofile(os.getenv("WRK_DIR") .. "/report.lua")
local counter = 0

function request()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_n=" .. tostring(math.random(1, 2000000000)) .. "_" .. counter)
end
