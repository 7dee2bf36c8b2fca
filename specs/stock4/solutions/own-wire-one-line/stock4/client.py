import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

symbols = sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]
try:
    s = socket.create_connection((HOST, PORT))
except OSError:
    print("no server")
    sys.exit(1)
s.sendall((",".join(symbols) + "\n").encode())
data = b""
while not data.endswith(b"\n"):
    part = s.recv(1024)
    if not part:
        print("server went away")
        sys.exit(1)
    data += part
for item in data.decode().strip().split(","):
    sym, price = item.split("=")
    if price == "?":
        print(sym, "unknown symbol")
    else:
        print(sym, price)
s.close()
