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
    data = b""
    # keep reading until the whole word (or the newline) is here
    while b"HELLO" not in data and b"\n" not in data:
        chunk = conn.recv(1024)
        if not chunk:
            break
        data += chunk
    print("Client says:", data.decode().strip())
    conn.sendall(b"HELLO\n")
    conn.close()
