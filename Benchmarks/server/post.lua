-- wrk script: POST the body in $DVC_BODY_FILE with the bearer token in $DVC_TOKEN.
local file = assert(io.open(os.getenv("DVC_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DVC_TOKEN")

-- Answers other than 2xx/3xx, so that a run full of errors cannot pass for throughput.
function done(summary, latency, requests)
  io.write(string.format("non2xx %d\n", summary.errors.status))
  io.write(string.format("p50_ms %.2f p99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
