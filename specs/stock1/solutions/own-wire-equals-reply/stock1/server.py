# My own little protocol: the client sends the symbol and shuts down its side, so the
# end of the stream is the end of the request. I answer "AAPL=189.50" or "NOPE".
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
        req = b""
        while True:
            part = conn.recv(100)
            if not part:
                break
            req += part
        sym = req.decode().strip().upper()
        if sym in PRICES:
            conn.sendall(("%s=%.2f" % (sym, PRICES[sym])).encode())
        else:
            conn.sendall(b"NOPE")
    except OSError:
        pass
    conn.close()
