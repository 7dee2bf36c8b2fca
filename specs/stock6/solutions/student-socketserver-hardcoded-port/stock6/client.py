import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

symbols = sys.argv[1:]
if not symbols:
    symbols = ["AAPL", "GOOG", "MSFT"]

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.connect(("localhost", 5000))
except ConnectionRefusedError:
    print("Could not connect: is the server running?")
    sys.exit(1)

reader = s.makefile("r")
for sym in symbols:
    try:
        s.sendall(f"{sym}\n".encode())
        reply = reader.readline()
    except OSError as err:
        print("Error:", err)
        sys.exit(1)
    if reply == "":
        print("Server closed the connection")
        sys.exit(1)
    print(f"{sym.upper()}: {reply.strip()}")

reader.close()
s.close()
