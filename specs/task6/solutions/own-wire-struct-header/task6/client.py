import os
import socket
import struct
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))


def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        part = sock.recv(min(n - len(data), 65536))
        if not part:
            raise ConnectionError("the server closed the connection too early")
        data += part
    return data


if len(sys.argv) > 1:
    name = sys.argv[1]
else:
    name = input("file name: ").strip()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
encoded = name.encode()
s.sendall(struct.pack("!H", len(encoded)) + encoded)

answer = recv_exact(s, 1)
if answer != b"Y":
    print("The server does not have", name, "(file not found)")
    s.close()
    sys.exit(1)

(size,) = struct.unpack("!Q", recv_exact(s, 8))
content = recv_exact(s, size)
s.close()

with open(name, "wb") as f:
    f.write(content)
print("got", name, size, "bytes")
