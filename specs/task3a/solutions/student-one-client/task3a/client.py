import os
from socket import *

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

s = socket(AF_INET, SOCK_STREAM)
s.connect((HOST, PORT))
s.send("HELLO\n".encode())
s.close()
