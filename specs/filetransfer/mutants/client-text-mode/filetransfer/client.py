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
    reply = s.makefile("r", encoding="latin-1")
    data = reply.read().encode("latin-1")
    s.close()
except OSError as e:
    print("Cannot download", filename, "from", HOST, PORT, ":", e)
    sys.exit(1)

status, _, content = data.partition(b"\n")
status = status.decode(errors="replace").strip()
if status.upper() == "OK":
    with open(filename, "w", encoding="latin-1") as f:
        f.write(content.decode("latin-1"))
    print("Saved", filename, "(" + str(len(content)) + " bytes)")
else:
    print("Server says:", status)
    sys.exit(1)
