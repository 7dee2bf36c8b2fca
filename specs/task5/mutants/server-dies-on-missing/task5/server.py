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
    request = b""
    while b"\n" not in request:
        chunk = conn.recv(1024)
        if not chunk:
            break
        request += chunk
    filename = request.decode().strip()
    if "/" in filename or ".." in filename:
        conn.sendall(b"ERROR not allowed\n")
        conn.close()
        continue
    f = open(filename, "rb")
    conn.sendall(b"OK\n" + f.read())
    f.close()
    conn.close()
