import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
TIMEOUT = float(os.environ.get("TIMEOUT", 2))

filename = sys.argv[1] if len(sys.argv) > 1 else input("File name: ").strip()

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(TIMEOUT)
sock.sendto(filename.encode(), (HOST, PORT))

content = b""
got_something = False
while True:
    try:
        packet, server = sock.recvfrom(65535)
    except socket.timeout:
        break  # no more data: the file is done
    got_something = True
    if packet.startswith(b"ERROR"):
        print(packet.decode())
        sys.exit(1)
    if packet.startswith(b"DATA"):
        header, body = packet.split(b"\n", 1)
        content += body
        sock.sendto(b"ACK " + header.split()[1], server)

if not got_something:
    print("No answer from the server")
    sys.exit(1)
with open(filename, "wb") as f:
    f.write(content)
print("Saved", filename)
