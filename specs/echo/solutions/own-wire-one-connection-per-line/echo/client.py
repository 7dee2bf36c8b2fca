# Own wire format: a new connection for every line, sent without a newline; shutting
# down the sending side marks its end; the echo ends when the server closes.
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))

while True:
    try:
        msg = input()
    except EOFError:
        break
    s = socket.socket()
    s.connect((HOST, PORT))
    s.sendall(msg.encode())
    s.shutdown(socket.SHUT_WR)
    got = b""
    while True:
        d = s.recv(1024)
        if not d:
            break
        got += d
    s.close()
    print(got.decode())
