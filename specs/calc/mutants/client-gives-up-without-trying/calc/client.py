import sys

# "The server is probably not running": the client gives up before it even tries.
print("cannot reach the server, is it running?")
sys.exit(1)
