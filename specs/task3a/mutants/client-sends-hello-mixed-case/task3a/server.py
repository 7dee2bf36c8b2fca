import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("Server listening on port", PORT)

while True:
    conn, addr = server.accept()
    print("Connection from", addr)
    data = b""
    try:
        # read until the newline, or until the client closes (recv returns b"")
        while b"\n" not in data:
            chunk = conn.recv(1024)
            if not chunk:
                break
            data += chunk
    except ConnectionResetError:
        print("client disconnected")
    print("Received:", data.decode().strip())
    conn.close()
