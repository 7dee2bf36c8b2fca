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
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
except OSError as e:
    print("Cannot download", filename, "from", HOST, PORT, ":", e)
    sys.exit(1)

status, _, content = data.partition(b"\n")
status = status.decode(errors="replace").strip()
if status.upper() == "OK":
    with open(filename, "wb") as f:
        f.write(content)
    print("Saved", filename, "(" + str(len(content)) + " bytes)")
else:
    print("Server says:", status)
    sys.exit(1)
