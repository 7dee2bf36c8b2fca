import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5004))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("File server listening on port", PORT)

while True:
    conn, addr = server.accept()
    try:
        request = b""
        request = conn.recv(1024)
        while request and b"\n" not in request:
            request = conn.recv(1024)
        filename = request.split(b"\n")[0].decode(errors="replace").strip()
        print(addr, "asks for", filename)

        if filename == "" or "/" in filename or "\\" in filename or ".." in filename:
            conn.sendall(b"ERROR not allowed\n")
        elif not os.path.isfile(filename):
            conn.sendall(b"ERROR file not found\n")
        else:
            with open(filename, "rb") as f:
                data = f.read()
            conn.sendall(b"OK\n" + data)
            print("sent", len(data), "bytes")
    except OSError as e:
        print("problem with", addr, ":", e)
    conn.close()
