import os
import socket

PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.connect(("localhost", PORT))
s.send(b"HELLO")
print(s.recv(1024).decode())
s.close()
