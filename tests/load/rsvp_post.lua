-- wrk script: RSVP sign-ups, each with a new address, sent as a browser sends the form from
-- the event page (Sec-Fetch-Site: same-origin); with the CSRF cookie and token too when
-- bench.py found them on the page (a commit from before marsweb/csrf.py).
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
  wrk.headers["Sec-Fetch-Site"] = "same-origin"
  if os.getenv("BENCH_COOKIE") ~= "" then
    wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  end
  wrk.headers["X-Forwarded-For"] = "127.0.0.1"
end

function request()
  counter = counter + 1
  local body = "name=Load+Tester&website=&email=load-" .. thread_id .. "-" .. counter ..
    "-" .. os.getenv("BENCH_RUN") .. "%40example.org&csrfmiddlewaretoken=" .. os.getenv("BENCH_TOKEN")
  return wrk.format(nil, nil, nil, body)
end
