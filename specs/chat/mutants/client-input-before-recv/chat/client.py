import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))
reader = sock.makefile("r")

try:
    name = input("Your name: ")
    sock.sendall((name + "\n").encode())
    while True:
        text = input("> ")
        if text.strip():
            sock.sendall((text + "\n").encode())
        line = reader.readline()
        if not line:
            break
        print(line.rstrip("\n"))
except EOFError:
    pass
sock.close()
