# Simple version: the whole file goes back in one datagram, NOFILE if it is missing.
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((HOST, PORT))
print("UDP server on port", PORT)

while True:
    request, addr = sock.recvfrom(1024)
    name = request.decode().strip()
    if os.path.isfile(name) and "/" not in name:
        with open(name, "rb") as f:
            sock.sendto(f.read(), addr)
    else:
        sock.sendto(b"NOFILE", addr)
