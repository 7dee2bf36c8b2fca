import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))

if len(sys.argv) > 1:
    filename = sys.argv[1]
else:
    filename = input("Which file? ")

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.sendall((filename + "\n").encode())

data = s.recv(1024)
s.close()

status, _, content = data.partition(b"\n")
if status.strip() == b"OK":
    with open(filename, "wb") as f:
        f.write(content)
    print("Saved", filename)
else:
    print(status.decode())
    sys.exit(1)
