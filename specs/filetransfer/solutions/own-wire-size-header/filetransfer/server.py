import os
import socket

PORT = int(os.environ.get("PORT", 5004))

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", PORT))
s.listen()

while True:
    c, a = s.accept()
    try:
        buf = b""
        while not buf.endswith(b"\n"):
            part = c.recv(100)
            if not part:
                break
            buf += part
        cmd = buf.decode("latin-1").strip()
        name = cmd[4:] if cmd.startswith("GET ") else ""
        if name and os.path.isfile(os.path.basename(name)):
            with open(os.path.basename(name), "rb") as f:
                body = f.read()
            c.sendall(f"SIZE {len(body)}\n".encode() + body)
        else:
            c.sendall(b"NOFILE\n")
    except OSError:
        pass
    finally:
        c.close()
