import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(1)
print("Server is listening...")
conn, addr = s.accept()
print("Connection from", addr)

while True:
    try:
        data = conn.recv(1024)
    except ConnectionError:
        break
    if not data:
        break
    msg = data.decode().strip()
    print("Client:", msg)
    if msg.upper() == "BYE":
        break
    try:
        reply = input("Server: ")
    except EOFError:
        break
    conn.sendall((reply + "\n").encode())
    if reply.upper() == "BYE":
        break

conn.close()
s.close()
