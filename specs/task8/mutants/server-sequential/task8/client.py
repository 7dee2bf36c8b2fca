import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
TIMEOUT = float(os.environ.get("TIMEOUT", 2))

if len(sys.argv) > 1:
    filename = sys.argv[1]
else:
    filename = input("File name: ").strip()

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(TIMEOUT)
sock.sendto(filename.encode(), (HOST, PORT))

chunks = []
while True:
    try:
        packet, server = sock.recvfrom(65535)
    except socket.timeout:
        print("Error: no answer from the server, file not saved")
        sys.exit(1)
    header, _, body = packet.partition(b"\n")
    parts = header.split()
    if parts[0] == b"DATA":
        n = int(parts[1])
        if n < len(chunks):
            continue  # duplicate
        if n > len(chunks):
            print("Error: chunk", len(chunks), "is missing, file not saved")
            sys.exit(1)
        chunks.append(body)
        sock.sendto(b"ACK %d" % n, server)
    elif parts[0] == b"END":
        if int(parts[1]) != len(chunks):
            print("Error: some chunks are missing, file not saved")
            sys.exit(1)
        break
    elif parts[0] == b"ERROR":
        print(packet.decode())
        sys.exit(1)

with open(filename, "wb") as f:
    f.write(b"".join(chunks))
print("Saved", filename, "-", sum(len(c) for c in chunks), "bytes")
