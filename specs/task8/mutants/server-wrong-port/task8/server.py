import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = 12345
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
    count = 0
    for i in range(0, len(data), CHUNK):
        s.sendto(b"DATA %d\n" % count + data[i:i + CHUNK], addr)
        try:
            while True:
                reply, _ = s.recvfrom(100)
                if reply.split() == [b"ACK", str(count).encode()]:
                    break
        except socket.timeout:
            print("no ACK from", addr, "- giving up")
            s.close()
            return
        count += 1
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
