import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))

if len(sys.argv) > 1:
    name = sys.argv[1]
else:
    name = input("File: ").strip()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.sendall(name.encode() + b"\n")

# first the size, on its own line
buf = b""
while b"\n" not in buf:
    part = s.recv(1024)
    if not part:
        break
    buf += part
size_text, _, buf = buf.partition(b"\n")
size = int(size_text)

if size < 0:
    print("File not found:", name)
    s.close()
    sys.exit(1)

# then the file itself (my text files are small)
if len(buf) < size:
    buf += s.recv(4096)
s.close()

with open(name, "wb") as f:
    f.write(buf[:size])
print("Downloaded", name, "-", size, "bytes")
