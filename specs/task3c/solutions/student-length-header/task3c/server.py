# Uppercase server. Every message starts with a 10-character header that gives its
# length in bytes, so the receiver knows when it has all of it (no newline needed).
import os
import socket

HEADERSIZE = 10
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(5)
print("Uppercase server ready on port", PORT)

while True:
    clientsocket, address = s.accept()
    try:
        header = recv_exactly(clientsocket, HEADERSIZE)
        if header:
            msg = recv_exactly(clientsocket, int(header.decode().strip())).decode()
            print("Got:", msg)
            reply = msg.upper().encode()
            clientsocket.sendall(f"{len(reply):<{HEADERSIZE}}".encode() + reply)
    except (ConnectionError, ValueError) as e:
        print("bad client:", e)
    clientsocket.close()
