# My protocol: the client sends the name and a newline; I send the size of the file
# as 8 bytes (struct) and then the file. Size 0 when I do not have it.
import os
import socket
import struct

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)

while True:
    conn, addr = server.accept()
    try:
        request = b""
        while b"\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        filename = request.decode().strip()
        data = b""
        if filename and "/" not in filename and ".." not in filename and os.path.isfile(filename):
            with open(filename, "rb") as f:
                data = f.read()
        conn.sendall(struct.pack("!Q", len(data)) + data)
    except OSError as e:
        print("error:", e)
    conn.close()
