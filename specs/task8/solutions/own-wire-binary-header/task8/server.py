# My own datagram format: one type byte, then a 4-byte number (struct "!I").
#   b"R" + name             request (client -> server)
#   b"D" + n + chunk        chunk number n (server -> client)
#   b"A" + n                ACK of chunk n (client -> server)
#   b"E" + count            end, count = number of chunks
#   b"N" + message          no such file
import os
import socket
import struct
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
CHUNK = 2048


def transfer(name, addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # one socket per client
    s.settimeout(5)
    if "/" in name or ".." in name or not os.path.isfile(name):
        s.sendto(b"N" + ("no such file: " + name).encode(), addr)
        s.close()
        return
    with open(name, "rb") as f:
        data = f.read()
    n = 0
    for start in range(0, len(data), CHUNK):
        s.sendto(b"D" + struct.pack("!I", n) + data[start:start + CHUNK], addr)
        try:
            while True:
                ack, _ = s.recvfrom(16)
                if ack[:1] == b"A" and struct.unpack("!I", ack[1:5])[0] == n:
                    break
        except socket.timeout:
            print("client", addr, "stopped answering")
            s.close()
            return
        n += 1
    s.sendto(b"E" + struct.pack("!I", n), addr)
    s.close()
    print("sent", name, "to", addr, "in", n, "chunks")


sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((HOST, PORT))
print("listening on UDP", PORT)
while True:
    packet, addr = sock.recvfrom(1024)
    if packet[:1] == b"R":
        name = packet[1:].decode().strip()
        threading.Thread(target=transfer, args=(name, addr), daemon=True).start()
