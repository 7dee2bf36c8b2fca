# Echoes every byte back; the client frames its messages ("5:hello"), so the server
# need not know where one ends.
import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))


def serve(c):
    with c:
        try:
            while True:
                d = c.recv(8192)
                if not d:
                    break
                c.sendall(d)
        except OSError:
            pass


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(5)
while True:
    c, a = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
