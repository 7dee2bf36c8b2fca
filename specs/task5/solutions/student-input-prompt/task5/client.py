import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))

name = input("Enter the file name: ").strip()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(f"{name}\n".encode("utf-8"))
    reply = b""
    while True:
        part = s.recv(2048)
        if not part:
            break
        reply += part

first_line, _, body = reply.partition(b"\n")
first_line = first_line.decode("utf-8").strip()
if first_line.upper().startswith("ERROR"):
    print(first_line)
    sys.exit(1)

with open(name, "wb") as out:
    out.write(body)
print(f"{name}: {len(body)} bytes saved")
