# Protocol of my own: the client sends the file name and then shuts down its side of
# the connection, so the end of the request is the end of the stream (no newline).
# I answer "FOUND\n" + the file, or "NOTFOUND\n", and close.
import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def serve(conn, addr):
    try:
        name = b""
        while True:
            piece = conn.recv(1024)
            if not piece:
                break
            name += piece
        name = name.decode().strip()
        if name and "/" not in name and ".." not in name and os.path.isfile(name):
            with open(name, "rb") as f:
                conn.sendall(b"FOUND\n" + f.read())
            print(addr, "<-", name)
        else:
            conn.sendall(b"NOTFOUND\n")
            print(addr, "asked for a missing file:", name)
    except OSError as e:
        print(addr, "error", e)
    finally:
        conn.close()


srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((HOST, PORT))
srv.listen(20)
print("serving on", PORT)
while True:
    conn, addr = srv.accept()
    threading.Thread(target=serve, args=(conn, addr), daemon=True).start()
