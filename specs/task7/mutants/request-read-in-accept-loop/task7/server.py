import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def send_file(conn, filename):
    try:
        with open(filename, "rb") as f:
            conn.sendall(f.read())
    except FileNotFoundError:
        conn.sendall(b"ERROR file not found\n")
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("listening on", PORT)

while True:
    conn, addr = server.accept()
    # read the file name here, then let a thread do the (slow) sending
    request = b""
    while b"\n" not in request:
        chunk = conn.recv(1024)
        if not chunk:
            break
        request += chunk
    filename = request.decode().strip()
    threading.Thread(target=send_file, args=(conn, filename)).start()
