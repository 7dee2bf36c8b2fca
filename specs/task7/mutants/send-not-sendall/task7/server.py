import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def handle_client(conn, addr):
    conn.settimeout(30)  # so a client that never asks cannot keep a thread forever
    try:
        request = b""
        while b"\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        filename = request.decode().strip()
        try:
            with open(filename, "rb") as f:
                data = f.read()
            conn.send(data)
        except FileNotFoundError:
            conn.send(b"ERROR file not found\n")
    except OSError as e:
        print(addr, e)
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)

while True:
    conn, addr = server.accept()
    threading.Thread(target=handle_client, args=(conn, addr)).start()
