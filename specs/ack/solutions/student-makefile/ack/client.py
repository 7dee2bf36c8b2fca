import socket
import sys

if len(sys.argv) > 1:
    msg = " ".join(sys.argv[1:])
else:
    msg = "Hello, server"

sock = socket.create_connection(("localhost", 65432))
sock.sendall((msg + "\n").encode())
answer = sock.makefile("r", encoding="utf-8").readline()
print("Server says:", answer.strip())
sock.close()
