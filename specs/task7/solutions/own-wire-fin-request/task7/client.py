import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))

if len(sys.argv) > 1:
    name = sys.argv[1]
else:
    name = input("file? ").strip()

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))
sock.sendall(name.encode())
sock.shutdown(socket.SHUT_WR)  # that's the whole request

reply = b""
while True:
    piece = sock.recv(8192)
    if not piece:
        break
    reply += piece
sock.close()

status, _, body = reply.partition(b"\n")
if status != b"FOUND":
    print(name, "not found on the server")
    sys.exit(1)

with open(name, "wb") as f:
    f.write(body)
print("saved", name, len(body), "bytes")
