import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))

s = socket.socket()
s.bind((HOST, PORT))
s.listen(1)
while True:
    conn, addr = s.accept()
    data = b""
    while b"\n" not in data:
        chunk = conn.recv(1024)
        if not chunk:
            break
        data += chunk
    text = data.decode().strip()
    result = ""
    for c in text:
        if c == " ":
            result += c
        else:
            result += chr(ord(c) - 32)
    conn.sendall((result + "\n").encode())
    conn.close()
