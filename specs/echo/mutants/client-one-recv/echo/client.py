import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))

buffer = b""
while True:
    try:
        text = input("Message: ")
    except EOFError:
        break
    sock.sendall((text + "\n").encode())
    data = sock.recv(1024)
    print("Echo:", data.decode().rstrip("\n"))

sock.close()
