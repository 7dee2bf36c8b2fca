import os
import socket

PORT = int(os.environ.get("PORT", 65432))

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("", PORT))
srv.listen()
conn, _ = srv.accept()
data = b""
try:
    while True:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    print("got:", data.decode())
    conn.sendall(b"ok, got " + data)
except ConnectionError:
    pass
conn.close()
srv.close()
