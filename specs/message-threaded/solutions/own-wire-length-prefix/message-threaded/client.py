import os
import socket
import struct

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


sock = socket.create_connection((HOST, PORT))
while True:
    try:
        text = input("> ")
    except EOFError:
        break
    data = text.encode()
    sock.sendall(struct.pack("!I", len(data)) + data)
    header = recv_exact(sock, 4)
    if header is None:
        break
    reply = recv_exact(sock, struct.unpack("!I", header)[0])
    print("Server response:", reply.decode())
    if text.strip().lower() == "exit":
        break
sock.close()
