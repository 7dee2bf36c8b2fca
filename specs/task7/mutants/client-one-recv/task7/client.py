import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))

filename = sys.argv[1] if len(sys.argv) > 1 else input("File name: ")

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
client.sendall((filename + "\n").encode())
data = client.recv(1024)
client.close()

if data.startswith(b"ERROR"):
    print(data.decode().strip())
else:
    with open(filename, "wb") as f:
        f.write(data)
    print("Saved", filename)
