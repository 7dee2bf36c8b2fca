import json
import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

symbols = sys.argv[1:]
if not symbols:
    symbols = ["AAPL", "GOOG", "MSFT"]

try:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((HOST, PORT))
    request = {"symbols": symbols}
    sock.sendall((json.dumps(request) + "\n").encode())
    # read the reply up to its newline
    data = b""
    while b"\n" not in data:
        chunk = sock.recv(1024)
        if not chunk:
            break
        data += chunk
    sock.close()
except OSError as e:
    print("Could not talk to the stock server:", e)
    sys.exit(1)

if not data.strip():
    print("The server closed the connection without answering")
    sys.exit(1)
reply = json.loads(data)
if "error" in reply:
    print("ERROR from the server:", reply["error"])
    sys.exit(1)
for symbol, price in zip(symbols, reply["prices"]):
    if price is None:
        print(symbol, "ERROR unknown symbol")
    else:
        print(symbol, f"{price:.2f}")
