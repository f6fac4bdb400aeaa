-- wrk script: requests the paths of a list file (one a line) in the file's order, each
-- thread its own share (line i goes to thread i mod THREADS), so no URL is asked twice until a
-- share runs out; then the share starts again (counted as "wrapped"), or with "stop" the
-- thread stops and creates the file MARKER.ID (wrk itself still waits out its duration:
-- the caller sends it SIGINT once every thread's marker is there, as bench/crawl-rss.sh does).
-- Usage: wrk -t2 -c64 -d30s --latency -s bench/urls.lua http://127.0.0.1:18080 -- LIST 2 [stop MARKER]
local counter = 1
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(args[2]) or 1
  stop_at_end = args[3] == "stop"
  marker = args[4]
  paths = {}
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" then
      if i % nthreads == id - 1 then
        paths[#paths + 1] = line
      end
      i = i + 1
    end
  end
  npaths = #paths
  idx = 0
  sent = 0
  wrapped = 0
end

function request()
  idx = idx + 1
  if idx > #paths then
    idx = 1
    wrapped = wrapped + 1
  end
  sent = sent + 1
  return wrk.format("GET", paths[idx])
end

function response(status, headers, body)
  if stop_at_end and sent >= npaths and not stopped then
    stopped = true
    if marker then
      local f = io.open(marker .. "." .. id, "w")
      if f then f:close() end
    end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local distinct, wraps = 0, 0
  for _, t in ipairs(threads) do
    local s, n, w = t:get("sent"), t:get("npaths"), t:get("wrapped")
    distinct = distinct + math.min(s, n)
    wraps = wraps + w
  end
  io.write(string.format("distinct URLs requested: %d; lists restarted: %d\n", distinct, wraps))
end
