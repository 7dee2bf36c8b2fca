import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen()
print(f"Serving text files on {HOST}:{PORT}")

while True:
    conn, addr = s.accept()
    with conn:
        buffer = b""
        while not buffer.endswith(b"\n"):
            part = conn.recv(100)
            if part == b"":
                break
            buffer += part
        name = buffer.decode("utf-8").strip()

        # only plain names of files in this folder
        if name == "" or os.path.basename(name) != name or name in (".", ".."):
            conn.sendall(b"ERROR not allowed\n")
            continue
        try:
            with open(name, "rb") as f:
                content = f.read()
        except FileNotFoundError:
            conn.sendall(b"ERROR file not found\n")
            continue
        conn.sendall(b"OK\n")
        conn.sendall(content)
        print(f"sent {name} to {addr}")
