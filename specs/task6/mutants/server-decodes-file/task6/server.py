import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))

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
        if not os.path.isfile(filename):
            conn.sendall(b"ERROR file not found\n")
        else:
            with open(filename, "r") as f:
                data = f.read()
            conn.sendall(b"OK\n" + data.encode())
    except OSError:
        pass
    conn.close()
