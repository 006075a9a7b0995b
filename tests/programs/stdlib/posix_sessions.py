# Process groups, sessions, priorities, real/effective/saved ids, affinity.
import os
print(os.getpgid(0) == os.getpgrp(), os.getsid(0) == os.getsid(os.getpid()), os.getpriority(os.PRIO_PROCESS, 0) == os.nice(0))
print(os.getresuid() == (os.getuid(), os.geteuid(), os.getresuid()[2]), len(os.getresgid()))
print(len(os.sched_getaffinity(0)) >= 1, type(os.sched_getaffinity(0)).__name__)
os.sched_yield(); os.sync()
try:
    os.ttyname(os.open(os.devnull, os.O_RDONLY))
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    os.getpgid(2**30)
except OSError as e:
    print(type(e).__name__, e)
try:
    os.killpg(2**30, 0)
except OSError as e:
    print(type(e).__name__, e)
pid = os.fork()
if pid == 0:
    os.setsid()
    os._exit(0 if os.getsid(0) == os.getpid() else 1)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
