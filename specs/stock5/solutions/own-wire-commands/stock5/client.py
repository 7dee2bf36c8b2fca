import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

try:
    conn = socket.create_connection((HOST, PORT))
except OSError as e:
    print("server not reachable:", e)
    sys.exit(1)
f = conn.makefile("rwb")
for sym in sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]:
    f.write(f"PRICE {sym}\n".encode())
    f.flush()
    reply = f.readline().decode().split()
    if not reply:
        print("lost the server")
        sys.exit(1)
    if reply[0] == "OK":
        print(reply[1], reply[2])
    else:
        print(reply[1], "is an unknown symbol")
f.write(b"QUIT\n")
f.flush()
f.readline()
conn.close()
