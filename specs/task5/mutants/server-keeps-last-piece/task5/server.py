import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)

while True:
    conn, addr = server.accept()
    data = conn.recv(1024)
    while data and not data.endswith(b"\n"):
        data = conn.recv(1024)
    filename = data.decode().strip()
    if "/" in filename or ".." in filename:
        conn.sendall(b"ERROR not allowed\n")
    elif not os.path.isfile(filename):
        conn.sendall(b"ERROR file not found\n")
    else:
        with open(filename, "rb") as f:
            conn.sendall(b"OK\n" + f.read())
    conn.close()
