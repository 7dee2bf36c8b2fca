# Uppercase client: the message is sent with a 10-character length header in front.
import os
import socket

HEADERSIZE = 10
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


sentence = input("Enter a lowercase sentence: ")
data = sentence.encode()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.sendall(f"{len(data):<{HEADERSIZE}}".encode() + data)

header = recv_exactly(s, HEADERSIZE)
reply = recv_exactly(s, int(header.decode().strip()))
print("Uppercase:", reply.decode())
s.close()
