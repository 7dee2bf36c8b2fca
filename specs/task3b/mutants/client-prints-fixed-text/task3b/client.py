import os
import socket

PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.connect(("127.0.0.1", PORT))
s.sendall(b"HELLO\n")
data = s.recv(1024)
if data:
    print("HELLO")
s.close()
