import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))


def receive():
    buffer = b""
    while True:
        try:
            data = sock.recv(1024)
        except OSError:
            break
        if not data:
            print("Disconnected from the server")
            os._exit(0)
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            print(line.decode(errors="replace"))


threading.Thread(target=receive, daemon=True).start()

try:
    name = input("Your name: ")
    sock.sendall((name + "\n").encode())
    while True:
        text = input()
        if text.strip():
            sock.sendall((text + "\n").encode())
except EOFError:
    pass
sock.close()
