import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

s = socket.socket()
s.bind((HOST, PORT))
s.listen(1)

# serve one client, then stop
conn, addr = s.accept()
message = b""
try:
    while True:
        data = conn.recv(1024)
        if not data:
            break
        message += data
except ConnectionResetError:
    pass
print(message.decode())
conn.close()
s.close()
