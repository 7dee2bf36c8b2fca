import os
import socket
import time

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
CHUNK = 1024

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((HOST, PORT))
sock.settimeout(1)
print("Server ready on port", PORT)

# One entry per client: its file, the chunk waiting for an ACK, when it was sent.
transfers = {}


def send_next(addr):
    t = transfers[addr]
    start = t["next"] * CHUNK
    if start >= len(t["data"]):  # every chunk acknowledged (or an empty file)
        sock.sendto(("END " + str(t["next"])).encode(), addr)
        del transfers[addr]
        return
    sock.sendto(("DATA " + str(t["next"]) + "\n").encode() + t["data"][start:start + CHUNK], addr)
    t["sent"] = time.time()


while True:
    try:
        msg, addr = sock.recvfrom(2048)
    except socket.timeout:
        msg = None
    # forget clients that stopped answering
    for a in list(transfers):
        if time.time() - transfers[a]["sent"] > 5:
            del transfers[a]
    if msg is None:
        continue
    if msg.startswith(b"ACK"):
        if addr in transfers and int(msg.split()[1]) == transfers[addr]["next"]:
            transfers[addr]["next"] += 1
            send_next(addr)
        continue
    name = msg.decode(errors="replace").strip()
    try:
        with open(os.path.basename(name), "rb") as f:
            data = f.read()
    except FileNotFoundError:
        sock.sendto(b"ERROR file not found", addr)
        continue
    transfers[addr] = {"data": data, "next": 0, "sent": time.time()}
    send_next(addr)
