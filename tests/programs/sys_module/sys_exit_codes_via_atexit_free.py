import sys
print("flush before exit", flush=True)
sys.stdout.write("unflushed write is still flushed at exit\n")
sys.exit(2)
