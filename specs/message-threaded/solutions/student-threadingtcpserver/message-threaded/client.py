import socket
import sys

sock = socket.create_connection(("localhost", 5000))
reader = sock.makefile("r", encoding="utf-8", newline="\n")

for line in sys.stdin:
    message = line.rstrip("\n")
    sock.sendall((message + "\n").encode())
    reply = reader.readline()
    if not reply:
        print("Server went away")
        break
    print("Server response:", reply.strip())
    if message.strip().lower() == "exit":
        break
sock.close()
