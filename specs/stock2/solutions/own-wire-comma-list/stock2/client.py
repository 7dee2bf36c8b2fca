import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

syms = sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    s.sendall(",".join(syms).encode())
    s.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        part = s.recv(100)
        if not part:
            break
        answer += part
    s.close()
except OSError as e:
    sys.exit("cannot reach the server: " + str(e))

if not answer:
    sys.exit("no answer from the server")
for pair in answer.decode().split(";"):
    sym, price = pair.split("=")
    if price == "?":
        print(sym, "unknown symbol")
    else:
        print(sym, "costs", price)
