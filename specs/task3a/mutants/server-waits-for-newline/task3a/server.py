import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.bind((HOST, PORT))
s.listen(1)
while True:
    conn, addr = s.accept()
    data = b""
    while b"\n" not in data:
        data += conn.recv(1024)
    print(data.decode().strip())
    conn.close()
