import os
import socket
import sys

HOST = os.environ.get("HOST", "localhost")
PORT = int(os.environ.get("PORT", 5004))

name = sys.argv[1] if len(sys.argv) > 1 else input("file: ").strip()

try:
    s = socket.create_connection((HOST, PORT))
except OSError:
    print(f"could not connect to the file server at {HOST}:{PORT}")
    sys.exit(1)

s.sendall(f"GET {name}\n".encode())
buf = b""
try:
    while b"\n" not in buf:
        part = s.recv(4096)
        if not part:
            break
        buf += part
    header, _, body = buf.partition(b"\n")
    if header == b"NOFILE":
        print(f"{name}: not found on the server")
        sys.exit(1)
    size = int(header.split()[1])
    while len(body) < size:
        part = s.recv(65536)
        if not part:
            break
        body += part
except (OSError, ValueError, IndexError) as e:
    print("download failed:", e)
    sys.exit(1)

if len(body) != size:
    print(f"download failed: got {len(body)} of {size} bytes")
    sys.exit(1)
with open(name, "wb") as f:
    f.write(body)
print(f"{name}: {size} bytes")
