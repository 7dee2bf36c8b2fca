import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))

filename = sys.argv[1] if len(sys.argv) > 1 else input("File name: ")

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
    print(data.decode().strip())
else:
    # do not overwrite the original when server and client share a folder
    with open("received_" + filename, "wb") as f:
        f.write(data)
    print("Saved as received_" + filename)
