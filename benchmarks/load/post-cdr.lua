-- wrk script: POSTs the spec's call record with a fresh eventUniqueId on every request, so the
-- receiver really claims, runs and completes a listener each time (no request is a duplicate).
-- Usage: wrk -s post-cdr.lua URL -- path/to/cdr.json
local threads = {}
local counter = 0
local prefix, suffix

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a")
  file:close()
  local first, last = body:find('"eventUniqueId": *"[^"]*"')
  assert(first, "the body has no eventUniqueId")
  prefix = body:sub(1, first - 1) .. '"eventUniqueId": "'
  suffix = '"' .. body:sub(last + 1)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, prefix .. "load-" .. os.time() .. "-" .. thread_id .. "-" .. counter .. suffix)
end
