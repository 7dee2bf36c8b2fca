import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))

filename = sys.argv[1] if len(sys.argv) > 1 else input("File name: ")

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
client.sendall((filename + "\n").encode())

with open(filename, "wb") as f:
    while True:
        data = client.recv(4096)
        if not data:
            break
        f.write(data)
client.close()
print("Received", filename)
