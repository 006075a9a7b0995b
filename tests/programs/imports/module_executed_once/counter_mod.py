import sys
runs = getattr(sys, "_counter_mod_runs", 0) + 1
sys._counter_mod_runs = runs
print("counter_mod body run number", runs)
value = "v"
