import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("The server is ready to receive on port", PORT)

while True:
    conn, addr = server.accept()
    try:
        data = b""
        # a line can come in several pieces: read until the newline
        while b"\n" not in data:
            chunk = conn.recv(1024)
            if not chunk:
                break
            data += chunk
        sentence = data.decode().strip()
        print("Received:", sentence)
        conn.sendall((sentence.upper() + "\n").encode())
    except (ConnectionResetError, BrokenPipeError):
        print("client left")
    conn.close()
