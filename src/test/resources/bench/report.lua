-- Counts answers other than 200 (a redirect to the login page would otherwise pass for a fast page) and prints
-- the figures the page benchmark reads, one "WK key value" per line, after wrk's own summary.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("not_ok")
  end
  io.write("WK requests ", summary.requests, "\n")
  io.write("WK duration_us ", summary.duration, "\n")
  io.write("WK bytes ", summary.bytes, "\n")
  io.write("WK errors ", failed, "\n")
  io.write("WK p50_us ", latency:percentile(50), "\n")
  io.write("WK p95_us ", latency:percentile(95), "\n")
  io.write("WK p99_us ", latency:percentile(99), "\n")
end
