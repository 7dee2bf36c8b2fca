import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def handle_client(conn, addr):
    try:
        # read the file name up to the newline, it may come in pieces
        request = b""
        while b"\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        filename = request.decode().strip()
        if not filename:
            print(addr, "left without asking for a file")
            return
        try:
            with open(filename, "rb") as f:
                data = f.read()
        except (FileNotFoundError, IsADirectoryError):
            print(addr, "asked for", filename, "- not found")
            conn.sendall(b"ERROR file not found\n")
            return
        conn.sendall(data)
        print(addr, "got", filename, len(data), "bytes")
    except OSError as e:
        print(addr, "error:", e)
    finally:
        conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("File server listening on port", PORT)

while True:
    conn, addr = server.accept()
    t = threading.Thread(target=handle_client, args=(conn, addr))
    t.daemon = True
    t.start()
