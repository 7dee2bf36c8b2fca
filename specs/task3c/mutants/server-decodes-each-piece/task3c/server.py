import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))

s = socket.socket()
s.bind((HOST, PORT))
s.listen(1)
while True:
    conn, addr = s.accept()
    text = ""
    while "\n" not in text:
        chunk = conn.recv(1024)
        if not chunk:
            break
        text += chunk.decode()
    conn.sendall(text.upper().encode())
    conn.close()
