import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5005))

try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
except OSError as e:
    print("Cannot connect to the calculator server:", e)
    sys.exit(1)

buffer = b""
while True:
    try:
        expr = input("Expression: ")
    except EOFError:
        break
    if expr.strip() == "":
        continue
    s.sendall((expr + "\n").encode())
    while b"\n" not in buffer:
        data = s.recv(1024)
        if not data:
            print("The server closed the connection")
            sys.exit(1)
        buffer += data
    reply, buffer = buffer.split(b"\n", 1)
    print(reply.decode())

s.close()
