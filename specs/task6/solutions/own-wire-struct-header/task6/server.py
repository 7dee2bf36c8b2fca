# Binary protocol with fixed-size headers (struct):
#   request: 2 bytes name length, then the name (UTF-8)
#   answer:  b"Y" + 8 bytes file size + the file, or b"N" if there is no such file
import os
import socket
import struct

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        part = conn.recv(n - len(data))
        if not part:
            raise ConnectionError("connection closed early")
        data += part
    return data


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(10)
print("listening on", PORT)

while True:
    conn, addr = server.accept()
    try:
        (length,) = struct.unpack("!H", recv_exact(conn, 2))
        name = recv_exact(conn, length).decode()
        if name and "/" not in name and "\\" not in name and ".." not in name and os.path.isfile(name):
            size = os.path.getsize(name)
            conn.sendall(b"Y" + struct.pack("!Q", size))
            with open(name, "rb") as f:
                while True:
                    block = f.read(65536)
                    if not block:
                        break
                    conn.sendall(block)
            print("sent", name, size)
        else:
            conn.sendall(b"N")
            print("not found:", name)
    except OSError as e:
        print("problem with", addr, e)
    conn.close()
