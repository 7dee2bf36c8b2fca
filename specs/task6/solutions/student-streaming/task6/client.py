import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))

filename = sys.argv[1] if len(sys.argv) > 1 else input("file: ").strip()

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))
sock.sendall(filename.encode() + b"\n")

# first the status line; what comes after it in the same recv() is already file data
header = b""
while b"\n" not in header:
    chunk = sock.recv(4096)
    if not chunk:
        break
    header += chunk
status, _, rest = header.partition(b"\n")

if status.strip().upper() != b"OK":
    print("server:", status.decode(errors="replace").strip() or "no answer")
    sock.close()
    sys.exit(1)

received = len(rest)
with open(filename, "wb") as out:
    out.write(rest)
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        out.write(chunk)
        received += len(chunk)
sock.close()
print("saved", filename, received, "bytes")
