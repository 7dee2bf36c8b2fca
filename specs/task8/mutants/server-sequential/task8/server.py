import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
CHUNK = 4096

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((HOST, PORT))
print("Server listening on", PORT)

while True:
    sock.settimeout(None)
    request, addr = sock.recvfrom(1024)
    name = request.decode().strip()
    try:
        f = open(name, "rb")
    except FileNotFoundError:
        sock.sendto(b"ERROR file not found", addr)
        continue
    data = f.read()
    f.close()
    sock.settimeout(5)
    n = 0
    try:
        for i in range(0, len(data), CHUNK):
            sock.sendto(b"DATA " + str(n).encode() + b"\n" + data[i:i + CHUNK], addr)
            ack, _ = sock.recvfrom(1024)  # wait for the ACK
            n += 1
        sock.sendto(b"END " + str(n).encode(), addr)
    except socket.timeout:
        print("client stopped answering")
