# Task 3.2 client. Messages are SIZE bytes long, padded with spaces.
import os
import socket

SIZE = 32
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))


def receive(sock):
    data = b""
    while len(data) < SIZE:
        chunk = sock.recv(SIZE - len(data))
        if not chunk:
            break
        data += chunk
    return data.decode().strip()


client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
client.sendall("HELLO".ljust(SIZE).encode())
print("Server:", receive(client))
client.close()
