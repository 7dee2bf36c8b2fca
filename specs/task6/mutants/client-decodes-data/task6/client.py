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

data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
s.close()

text = data.decode()
status, _, content = text.partition("\n")
if status.strip() == "OK":
    with open(filename, "w") as f:
        f.write(content)
    print("Saved", filename)
else:
    print(status)
    sys.exit(1)
