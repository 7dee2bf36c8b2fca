import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.connect((HOST, PORT))
s.sendall(b"HELLO from the client")
s.close()
