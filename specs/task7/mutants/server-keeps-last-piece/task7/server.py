import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def handle_client(conn):
    try:
        data = conn.recv(1024)
        while data and not data.endswith(b"\n"):
            data = conn.recv(1024)
        filename = data.decode().strip()
        try:
            with open(filename, "rb") as f:
                conn.sendall(f.read())
        except OSError:
            conn.sendall(b"ERROR file not found\n")
    except OSError:
        pass
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)

while True:
    conn, addr = server.accept()
    threading.Thread(target=handle_client, args=(conn,)).start()
