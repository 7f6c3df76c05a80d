-- wrk script: every request one byte range of the same file, at a random
-- offset: VOORUIT_BENCH_SIZE is the file's size in bytes,
-- VOORUIT_BENCH_RANGE the length of each range (default 1 MiB).
local size = tonumber(os.getenv("VOORUIT_BENCH_SIZE"))
local len = tonumber(os.getenv("VOORUIT_BENCH_RANGE") or "1048576")

function init(args)
  math.randomseed(os.time() + (id or 0))
end

function request()
  local from = math.random(0, size - len)
  wrk.headers["Range"] = string.format("bytes=%d-%d", from, from + len - 1)
  return wrk.format("GET")
end
