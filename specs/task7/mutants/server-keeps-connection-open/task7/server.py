import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def handle_client(conn):
    # serve requests on this connection until the client goes away
    buffer = b""
    while True:
        chunk = conn.recv(1024)
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            filename = line.decode().strip()
            try:
                with open(filename, "rb") as f:
                    conn.sendall(f.read())
            except OSError:
                conn.sendall(b"ERROR file not found\n")
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)

while True:
    conn, addr = server.accept()
    threading.Thread(target=handle_client, args=(conn,), daemon=True).start()
