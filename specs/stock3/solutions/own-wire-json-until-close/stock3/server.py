# My protocol: the client sends a JSON list ["AAPL", "XYZ"] and shuts down its side;
# I answer a JSON object {"AAPL": 189.5, "XYZ": null} and close. No newlines needed.
import json
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))
PRICES = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(1)
while True:
    conn, addr = s.accept()
    try:
        raw = b""
        while True:
            part = conn.recv(4096)
            if not part:
                break
            raw += part
        try:
            wanted = json.loads(raw)
            answer = {sym: PRICES.get(sym.upper()) for sym in wanted}
        except (ValueError, TypeError, AttributeError):
            answer = {}
        conn.sendall(json.dumps(answer).encode())
    except OSError:
        pass
    conn.close()
