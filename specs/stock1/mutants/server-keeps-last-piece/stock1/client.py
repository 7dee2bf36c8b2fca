import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

if len(sys.argv) > 1:
    symbol = sys.argv[1]
else:
    symbol = "AAPL"

try:
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect((HOST, PORT))
    client.sendall((symbol + "\n").encode())
    reply = b""
    while b"\n" not in reply:
        chunk = client.recv(1024)
        if not chunk:
            break
        reply += chunk
    client.close()
except OSError as e:
    print("Could not talk to the stock server:", e)
    sys.exit(1)

answer = reply.decode().strip()
if not answer:
    print("The server closed the connection without answering")
    sys.exit(1)
print(symbol, answer)
