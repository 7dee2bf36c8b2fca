import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))

sentence = input("Input lowercase sentence: ")

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
client.sendall((sentence + "\n").encode())

reply = b""
while True:
    chunk = client.recv(1024)
    if not chunk:
        break
    reply += chunk
print("From server:", reply.decode().strip())
client.close()
