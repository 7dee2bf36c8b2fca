import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5004))

if len(sys.argv) > 1:
    filename = sys.argv[1]
else:
    filename = input("File to download: ").strip()

try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    s.sendall(filename.encode() + b"\n")
    data = b""
    while b"\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
except OSError as e:
    print("Cannot download", filename, "from", HOST, PORT, ":", e)
    sys.exit(1)

status, _, content = data.partition(b"\n")
status = status.decode(errors="replace").strip()
if status.upper() != "OK":
    print("Server says:", status)
    sys.exit(1)
f = open(filename, "wb")
f.write(content)
try:
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        f.write(chunk)
except OSError as e:
    print("connection lost:", e)
f.close()
s.close()
print("Saved", filename)
