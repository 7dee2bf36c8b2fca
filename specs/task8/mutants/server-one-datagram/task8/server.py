import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
CHUNK = 4096


def send_file(name, addr):
    # Each transfer gets its own socket, so its ACKs come to this thread only.
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(5)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError:
        s.sendto(b"ERROR file not found", addr)
        s.close()
        return
    print("sending", name, "to", addr)
    # the whole file in one go
    s.sendto(b"DATA 0\n" + data, addr)
    try:
        reply, _ = s.recvfrom(100)
    except socket.timeout:
        s.close()
        return
    count = 1
    s.sendto(b"END %d" % count, addr)
    s.close()


server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind((HOST, PORT))
print("UDP file server on port", PORT)

while True:
    request, client = server.recvfrom(1024)
    filename = os.path.basename(request.decode().strip())
    t = threading.Thread(target=send_file, args=(filename, client), daemon=True)
    t.start()
