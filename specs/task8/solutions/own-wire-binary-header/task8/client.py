import os
import socket
import struct
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
TIMEOUT = float(os.environ.get("TIMEOUT", 2))

if len(sys.argv) > 1:
    name = sys.argv[1]
else:
    name = input("Which file? ").strip()

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(TIMEOUT)
sock.sendto(b"R" + name.encode(), (HOST, PORT))

chunks = []
while True:
    try:
        packet, sender = sock.recvfrom(65535)
    except socket.timeout:
        print("No answer from the server; nothing saved")
        sys.exit(1)
    kind = packet[:1]
    if kind == b"D":
        n = struct.unpack("!I", packet[1:5])[0]
        if n < len(chunks):
            continue  # already have it
        if n > len(chunks):
            print("A chunk got lost; nothing saved")
            sys.exit(1)
        chunks.append(packet[5:])
        sock.sendto(b"A" + struct.pack("!I", n), sender)
    elif kind == b"E":
        if struct.unpack("!I", packet[1:5])[0] != len(chunks):
            print("Chunks are missing; nothing saved")
            sys.exit(1)
        break
    elif kind == b"N":
        print("File not found:", packet[1:].decode())
        sys.exit(1)

with open(name, "wb") as f:
    f.write(b"".join(chunks))
print("Saved", name)
