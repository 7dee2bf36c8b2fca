import os
import select
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

prices = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}

# my own format: the client sends all its symbols on one line, separated by commas,
# and gets one line back: AAPL=189.50,XYZ=?
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen()
sockets = [server]
pending = {}
while True:
    ready, _, _ = select.select(sockets, [], [])
    for s in ready:
        if s is server:
            c, _ = server.accept()
            sockets.append(c)
            pending[c] = b""
            continue
        try:
            data = s.recv(1024)
        except OSError:
            data = b""
        if not data:
            sockets.remove(s)
            del pending[s]
            s.close()
            continue
        pending[s] += data
        while b"\n" in pending[s]:
            line, pending[s] = pending[s].split(b"\n", 1)
            parts = []
            for sym in line.decode(errors="replace").split(","):
                sym = sym.strip().upper()
                parts.append(sym + "=" + ("%.2f" % prices[sym] if sym in prices else "?"))
            try:
                s.sendall((",".join(parts) + "\n").encode())
            except OSError:
                pass
