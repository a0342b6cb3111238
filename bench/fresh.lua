-- Every request of this wrk run asks a new address (a parameter the API ignores, n=<thread>-<count>),
-- so that no response kept by the app is answered again: what it costs to build every read.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local count = 0

function request()
  count = count + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "n=" .. id .. "-" .. count)
end
