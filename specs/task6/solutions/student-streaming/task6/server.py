import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))


def read_line(conn):
    data = b""
    while not data.endswith(b"\n"):
        byte = conn.recv(1)
        if not byte:
            break
        data += byte
    return data.decode(errors="replace").strip()


def handle(conn):
    filename = read_line(conn)
    if not filename or os.sep in filename or ".." in filename:
        conn.sendall(b"ERROR not allowed\n")
        return
    if not os.path.isfile(filename):
        conn.sendall(b"ERROR file not found\n")
        return
    conn.sendall(b"OK\n")
    with open(filename, "rb") as f:
        conn.sendfile(f)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(10)
print("waiting for clients on port", PORT)

while True:
    conn, addr = server.accept()
    print("serving", addr)
    try:
        handle(conn)
    except (ConnectionResetError, BrokenPipeError) as e:
        print("lost", addr, e)
    finally:
        conn.close()
