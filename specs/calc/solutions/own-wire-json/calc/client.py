import json
import os
import re
import socket
import sys

HOST = os.environ.get("HOST", "localhost")
PORT = int(os.environ.get("PORT", 5005))
EXPR = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([-+*/])\s*(-?\d+(?:\.\d+)?)\s*")

try:
    s = socket.create_connection((HOST, PORT))
except OSError as e:
    sys.exit(f"calculator server not reachable at {HOST}:{PORT} ({e})")

f = s.makefile("rb")
for line in sys.stdin:
    if not line.strip():
        continue
    m = EXPR.fullmatch(line.strip())
    if not m:
        print("invalid expression:", line.strip())
        continue
    s.sendall(json.dumps({"a": m[1], "op": m[2], "b": m[3]}).encode() + b"\n")
    reply = json.loads(f.readline())
    if "error" in reply:
        print("error:", reply["error"])
    else:
        r = reply["result"]
        print(int(r) if r == int(r) else r)
s.close()
