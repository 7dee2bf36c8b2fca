# Simple protocol: the client sends the name and a newline, I send the file and close.
# If there is no such file I send NOTFOUND.
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
    if filename and "/" not in filename and "\\" not in filename and ".." not in filename and os.path.isfile(filename):
        with open(filename, "rb") as f:
            conn.sendall(f.read())
    else:
        conn.sendall(b"NOTFOUND\n")
    conn.close()
