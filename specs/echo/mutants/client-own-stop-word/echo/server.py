import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen()
print("Echo server listening on", HOST, PORT)

while True:
    conn, addr = server.accept()
    print("Connected:", addr)
    try:
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(data)
    except (ConnectionResetError, BrokenPipeError):
        print("Client vanished:", addr)
    conn.close()
    print("Closed:", addr)
