-- One URL again and again (the answer cache serves it after the first), with the shared report.
-- Headers come from wrk's -H options.
dofile(os.getenv("WRK_DIR") .. "/report.lua")
