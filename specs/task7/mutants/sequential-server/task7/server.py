import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("File server listening on port", PORT)

# one client after the other: the next one waits until this one is done
while True:
    conn, addr = server.accept()
    try:
        request = b""
        while b"\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        filename = request.decode().strip()
        if filename:
            try:
                with open(filename, "rb") as f:
                    conn.sendall(f.read())
            except FileNotFoundError:
                conn.sendall(b"ERROR file not found\n")
    except OSError as e:
        print("error:", e)
    finally:
        conn.close()
