import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))
text = " ".join(sys.argv[1:]) or "Hello, server"

s = socket.create_connection((HOST, PORT))
s.sendall(text.encode())
s.shutdown(socket.SHUT_WR)
reply = b""
while True:
    part = s.recv(4096)
    if not part:
        break
    reply += part
print(reply.decode())
s.close()
