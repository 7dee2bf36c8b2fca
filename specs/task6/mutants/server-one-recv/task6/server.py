import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 56))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("Binary file server listening on port", PORT)

# one client after the other
while True:
    conn, addr = server.accept()
    try:
        request = conn.recv(1024)
        filename = request.decode(errors="replace").strip()
        print(addr, "wants", filename)

        if filename == "" or "/" in filename or "\\" in filename or ".." in filename:
            conn.sendall(b"ERROR not allowed\n")
        elif not os.path.isfile(filename):
            conn.sendall(b"ERROR file not found\n")
        else:
            conn.sendall(b"OK\n")
            with open(filename, "rb") as f:
                while True:
                    block = f.read(65536)
                    if not block:
                        break
                    conn.sendall(block)
            print("sent", filename)
    except OSError as e:
        # the client went away in the middle: just serve the next one
        print("client", addr, "left:", e)
    conn.close()
