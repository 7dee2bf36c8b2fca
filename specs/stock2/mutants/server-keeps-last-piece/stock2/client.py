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
    buffer = b""
    for symbol in symbols:
        sock.sendall((symbol + "\n").encode())
        # read until the answer's newline
        while b"\n" not in buffer:
            chunk = sock.recv(1024)
            if not chunk:
                print("The server closed the connection before answering", symbol)
                sys.exit(1)
            buffer += chunk
        line, buffer = buffer.split(b"\n", 1)
        print(symbol, line.decode().strip())
    sock.close()
except OSError as e:
    print("Could not talk to the stock server:", e)
    sys.exit(1)
