-- wrk script: every request a path from a file (VOORUIT_BENCH_PATHS, one per
-- line, shuffled by scripts/bench/paths.py). The threads take turns through
-- the file, so no path is asked twice until the file is used up; done()
-- says how much of it was used.
local paths = {}
for line in io.lines(os.getenv("VOORUIT_BENCH_PATHS")) do
  paths[#paths + 1] = line
end

local threads = {}
local count = 0

function setup(thread)
  thread:set("id", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  step = tonumber(os.getenv("VOORUIT_BENCH_THREADS") or "2")
  next_index = id + 1
  asked = 0
end

function request()
  local path = paths[next_index]
  next_index = next_index + step
  if next_index > #paths then
    next_index = id + 1
  end
  asked = asked + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("asked")
  end
  local repeats = math.max(0, total - #paths)
  io.write(string.format("paths: %d asked of %d in the file (%d repeats)\n", total, #paths, repeats))
end
