import json
import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

syms = sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    s.sendall(json.dumps(syms).encode())
    s.shutdown(socket.SHUT_WR)
    raw = b""
    while True:
        part = s.recv(4096)
        if not part:
            break
        raw += part
    s.close()
except OSError as e:
    sys.exit("cannot reach the server: " + str(e))

if not raw:
    sys.exit("no answer from the server")
prices = json.loads(raw)
for sym in syms:
    price = prices.get(sym)
    print(sym, "=", "unknown" if price is None else "%.2f" % price)
