import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))

if len(sys.argv) > 1:
    filename = sys.argv[1]
else:
    filename = input("File name: ")

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
client.sendall((filename + "\n").encode())

data = b""
while True:
    chunk = client.recv(4096)
    if not chunk:
        break
    data += chunk
client.close()

if data.startswith(b"ERROR"):
    print("Server:", data.decode().strip())
    sys.exit(1)

with open(filename, "w") as f:
    print(data.decode(), file=f)
print("Saved", filename, "(" + str(len(data)) + " bytes)")
