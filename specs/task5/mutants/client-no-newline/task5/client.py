import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))

if len(sys.argv) > 1:
    filename = sys.argv[1]
else:
    filename = input("File name: ").strip()

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
client.sendall(filename.encode())

# the server closes the connection after the last byte
data = b""
while True:
    chunk = client.recv(4096)
    if not chunk:
        break
    data += chunk
client.close()

status, _, content = data.partition(b"\n")
if status.strip() == b"OK":
    with open(filename, "wb") as f:
        f.write(content)
    print("Saved", filename, "(" + str(len(content)) + " bytes)")
else:
    print("Server says:", status.decode().strip())
    sys.exit(1)
