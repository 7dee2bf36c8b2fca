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
    try:
        with open(filename, "rb") as f:
            conn.sendall(b"OK\n" + f.read())
    except OSError:
        conn.sendall(b"ERROR file not found\n")
    conn.close()
