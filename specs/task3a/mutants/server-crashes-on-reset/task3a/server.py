import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.bind((HOST, PORT))
s.listen(5)
while True:
    conn, addr = s.accept()
    data = b""
    while True:
        chunk = conn.recv(1024)
        if not chunk:
            break
        data += chunk
    print(data.decode())
    conn.close()
