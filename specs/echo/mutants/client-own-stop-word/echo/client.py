import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))

buffer = b""
while True:
    text = input("Message (quit to stop): ")
    if text == "quit":
        break
    sock.sendall((text + "\n").encode())
    while b"\n" not in buffer:
        chunk = sock.recv(4096)
        if not chunk:
            break
        buffer += chunk
    line, _, buffer = buffer.partition(b"\n")
    print("Echo:", line.decode())

sock.close()
