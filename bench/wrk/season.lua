-- A nomination season (issue 19): 70 % browse the offers and the lists (half of them signed in
-- as an embassy), 20 % open a program, 10 % nominate a candidate with a 1 MB CV (multipart), as
-- the embassies do. Configured by environment variables (bench/serve-load.ts sets them):
--   SEASON_SESSIONS  "cookie|csrf,cookie|csrf,…" (embassy sessions)
--   SEASON_OFFERS    "id,id,…" (open offers of programs received by SEASON_COUNTRY)
--   SEASON_COUNTRY   the nominees' country;  SEASON_PROGRAMS  the highest program id
--   SEASON_CV        a PDF file of about 1 MB
--   SEASON_THINK_MS  a user's pause between two actions (0.5 to 1.5 times it, at random; 0: none)
dofile(os.getenv("WRK_DIR") .. "/report.lua")

local function split(text, sep)
  local out = {}
  for part in string.gmatch(text, "([^" .. sep .. "]+)") do table.insert(out, part) end
  return out
end

local sessions, offers, country, programs, cv, think
local threads_made = 0
local report_setup = setup

-- Each thread its own number (wrk's threads start with the same random seed).
function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_number", threads_made)
  report_setup(thread)
end
local boundary = "----mitra-season-boundary"
local counter = 0
local thread_id = 0

function init(args)
  statuses = {}
  sessions = {}
  for _, pair in ipairs(split(os.getenv("SEASON_SESSIONS"), ",")) do
    local parts = split(pair, "|")
    table.insert(sessions, { cookie = parts[1], csrf = parts[2] })
  end
  offers = split(os.getenv("SEASON_OFFERS"), ",")
  country = os.getenv("SEASON_COUNTRY")
  programs = tonumber(os.getenv("SEASON_PROGRAMS"))
  local file = assert(io.open(os.getenv("SEASON_CV"), "rb"))
  cv = file:read("*a")
  file:close()
  think = tonumber(os.getenv("SEASON_THINK_MS") or "0")
  thread_id = thread_number * 1000000 + (os.time() % 1000000)
  math.randomseed(thread_id)
end

local browse = {
  function() return "/api/v1/offers?open=true" end,
  function() return "/api/v1/offers?open=true&country=" .. country end,
  function() return "/api/v1/offers?page=" .. math.random(1, 3) end,
  function() return "/api/v1/activities?page=" .. math.random(1, 20) end,
  function() return "/api/v1/activities?year=" .. math.random(2015, 2024) .. "&region=africa" end,
  function() return "/api/v1/activities?year=" .. math.random(2015, 2024) .. "&sort=title&page=" .. math.random(1, 5) end,
  function() return "/api/v1/reports/summary?year=" .. math.random(2015, 2024) end,
  function() return "/api/v1/partners" end,
}

local function nomination()
  counter = counter + 1
  local session = sessions[math.random(1, #sessions)]
  local email = string.format("season.%d.%d.%d@example.org", thread_id, counter, math.random(1, 1000000000))
  local data = string.format('{"fullName":"Season Candidate %d","sex":"F","country":"%s","organisation":"Ministry","email":"%s","consent":true}', counter, country, email)
  local body = "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="data"\r\n\r\n' .. data .. "\r\n"
    .. "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
    .. "Content-Type: application/pdf\r\n\r\n" .. cv .. "\r\n"
    .. "--" .. boundary .. "--\r\n"
  local headers = {
    ["Cookie"] = session.cookie,
    ["X-CSRF-Token"] = session.csrf,
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }
  return wrk.format("POST", "/api/v1/offers/" .. offers[math.random(1, #offers)] .. "/nominations", headers, body)
end

function delay()
  if think <= 0 then return 0 end
  return math.floor(think * (0.5 + math.random()))
end

function request()
  local r = math.random()
  if r < 0.10 then return nomination() end
  local headers = {}
  if math.random() < 0.5 then headers["Cookie"] = sessions[math.random(1, #sessions)].cookie end
  if r < 0.30 then return wrk.format("GET", "/api/v1/activities/" .. math.random(1, programs), headers) end
  return wrk.format("GET", browse[math.random(1, #browse)](), headers)
end
