import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))

message = " ".join(sys.argv[1:]) or "Hello, server"

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall((message + "\n").encode("utf-8"))
    data = b""
    while b"\n" not in data:
        chunk = s.recv(1024)
        if not chunk:
            break
        data += chunk
print(f"Received from server: {data.decode('utf-8').strip()}")
