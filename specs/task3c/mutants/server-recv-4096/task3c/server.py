import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind((HOST, PORT))
s.listen(5)
while True:
    conn, addr = s.accept()
    try:
        sentence = conn.recv(4096).decode()
        conn.sendall(sentence.upper().encode())
    except ConnectionError:
        pass
    conn.close()
