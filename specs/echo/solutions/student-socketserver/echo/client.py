import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))

with socket.create_connection((HOST, PORT)) as sock:
    replies = sock.makefile("r", encoding="utf-8", newline="\n")
    for line in sys.stdin:
        sock.sendall(line.rstrip("\n").encode() + b"\n")
        echo = replies.readline()
        if not echo:
            print("server closed the connection")
            break
        print(echo, end="")
