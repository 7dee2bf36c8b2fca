import os
import socket

PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.bind(("127.0.0.1", PORT))
s.listen(1)
while True:
    conn, addr = s.accept()
    while True:
        data = conn.recv(1024)
        if not data:
            break
        if b"HELLO" in data:
            conn.sendall(b"HELLO\n")
    conn.close()
