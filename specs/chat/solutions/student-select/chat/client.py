# One thread, select() on the keyboard and the socket together.
import os
import select
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

sock = socket.create_connection((HOST, PORT))
print("Type your name, then your messages (Ctrl+D to leave).")
keyboard = b""
incoming = b""
running = True
while running:
    readable, _, _ = select.select([sock, sys.stdin], [], [])
    if sock in readable:
        data = sock.recv(4096)
        if not data:
            print("The server closed the chat.")
            break
        incoming += data
        while b"\n" in incoming:
            line, incoming = incoming.split(b"\n", 1)
            print(line.decode("utf-8", "replace"))
    if sys.stdin in readable:
        typed = os.read(sys.stdin.fileno(), 4096)
        if not typed:
            running = False
        keyboard += typed
        while b"\n" in keyboard:
            line, keyboard = keyboard.split(b"\n", 1)
            if line.strip():
                sock.sendall(line + b"\n")
sock.close()
