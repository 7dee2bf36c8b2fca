import os
import re
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5005))

PATTERN = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([-+*/])\s*(-?\d+(?:\.\d+)?)\s*")


def calculate(line):
    m = PATTERN.fullmatch(line)
    if not m:
        return "ERROR bad expression"
    a, op, b = m.groups()
    a = float(a) if "." in a else int(a)
    b = float(b) if "." in b else int(b)
    if op == "+":
        return str(a + b)
    if op == "-":
        return str(a - b)
    if op == "*":
        return str(a * b)
    if b == 0:
        return "ERROR division by zero"
    return str(a / b)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("Calculator server on port", PORT)

while True:
    conn, addr = server.accept()
    print("client", addr)
    buffer = b""
    try:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)[0], b""  # the rest is dropped
                text = line.decode(errors="replace").strip()
                answer = calculate(text)
                print(repr(text), "->", answer)
                conn.sendall((answer + "\n").encode())
    except OSError as e:
        print("client", addr, "left:", e)
    conn.close()
