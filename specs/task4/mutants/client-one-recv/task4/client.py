import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))

while True:
    try:
        msg = input("Client: ")
    except EOFError:
        break
    s.sendall((msg + "\n").encode())
    if msg.upper() == "BYE":
        break
    try:
        data = s.recv(1024)
    except ConnectionError:
        break
    if not data:
        break
    reply = data.decode().strip()
    print("Server:", reply)
    if reply.upper() == "BYE":
        break

s.close()
