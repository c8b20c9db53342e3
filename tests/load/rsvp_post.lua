-- wrk script: RSVP sign-ups, each with a new address, carrying the CSRF cookie and token
-- that bench.py fetched from the event page (passed in the environment).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id or 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  wrk.headers["X-Forwarded-For"] = "127.0.0.1"
end

function request()
  counter = counter + 1
  local body = "name=Load+Tester&website=&email=load-" .. thread_id .. "-" .. counter ..
    "-" .. os.getenv("BENCH_RUN") .. "%40example.org&csrfmiddlewaretoken=" .. os.getenv("BENCH_TOKEN")
  return wrk.format(nil, nil, nil, body)
end
