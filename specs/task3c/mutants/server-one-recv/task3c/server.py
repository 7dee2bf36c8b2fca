import os
import socket

PORT = int(os.environ.get("PORT", 12000))

s = socket.socket()
s.bind(("127.0.0.1", PORT))
s.listen(1)
while True:
    conn, addr = s.accept()
    data = conn.recv(1024)
    conn.send(data.upper())
    conn.close()
