import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
TIMEOUT = float(os.environ.get("TIMEOUT", 2))

if len(sys.argv) > 1:
    name = sys.argv[1]
else:
    name = input("File name: ").strip()

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(TIMEOUT)
sock.sendto(name.encode(), (HOST, PORT))
try:
    data, server = sock.recvfrom(65535)
except socket.timeout:
    print("Error: the server did not answer")
    sys.exit(1)

if data == b"NOFILE":
    print("File not found:", name)
    sys.exit(1)

with open(name, "wb") as f:
    f.write(data)
print("Saved", name, len(data), "bytes")
