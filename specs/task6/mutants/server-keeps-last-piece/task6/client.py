import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))

if len(sys.argv) > 1:
    filename = sys.argv[1]
else:
    filename = input("Which file? ").strip()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.sendall(filename.encode() + b"\n")

data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
s.close()

header, _, content = data.partition(b"\n")
if header.strip().upper() == b"OK":
    with open(filename, "wb") as f:
        f.write(content)
    print("Received", filename, len(content), "bytes")
else:
    print(header.decode(errors="replace"))
    sys.exit(1)
