import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def main():
    name = input("Which file? ").strip()
    with socket.create_connection((HOST, PORT)) as s:
        s.sendall(name.encode() + b"\n")
        parts = []
        while True:
            part = s.recv(65536)
            if not part:
                break
            parts.append(part)
    reply = b"".join(parts)
    if reply.startswith(b"ERROR"):
        print(reply.decode().strip())
        return
    with open(name, "w") as f:
        f.write(reply.decode())
    print("downloaded", name)


main()
