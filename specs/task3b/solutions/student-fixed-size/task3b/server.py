# Task 3.2 server. Every message is exactly SIZE bytes, padded with spaces, so each
# side knows how much to read.
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


def send(sock, text):
    sock.sendall(text.ljust(SIZE).encode())


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("Server started on port", PORT)

while True:
    conn, addr = server.accept()
    try:
        print("Client:", receive(conn))
        send(conn, "HELLO")
    except ConnectionError:
        print("the client went away")
    conn.close()
