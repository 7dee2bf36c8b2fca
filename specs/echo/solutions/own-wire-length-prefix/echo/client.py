# Own wire format: each message goes out as its length in bytes, a colon, then the
# bytes, with no newline ("5:hello"); the echo is read back by that length.
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))

s = socket.socket()
s.connect((HOST, PORT))


def recv_exactly(n):
    got = b""
    while len(got) < n:
        d = s.recv(n - len(got))
        if not d:
            raise SystemExit("server closed the connection")
        got += d
    return got


while True:
    try:
        msg = input("> ").encode()
    except EOFError:
        break
    header = str(len(msg)).encode() + b":"
    s.sendall(header + msg)
    recv_exactly(len(header))
    print(recv_exactly(len(msg)).decode())
s.close()
