# My own protocol: the client sends the name and a newline, I answer with the size of
# the file on one line and then the bytes. -1 means there is no such file.
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("Server ready on port", PORT)

while True:
    conn, addr = server.accept()
    name = b""
    while not name.endswith(b"\n"):
        part = conn.recv(100)
        if not part:
            break
        name += part
    name = name.decode().strip()

    if name and "/" not in name and "\\" not in name and ".." not in name and os.path.isfile(name):
        f = open(name, "rb")
        content = f.read()
        f.close()
        conn.sendall(str(len(content)).encode() + b"\n" + content)
        print("sent", name, len(content), "bytes")
    else:
        conn.sendall(b"-1\n")
        print("no file", name)
    conn.close()
