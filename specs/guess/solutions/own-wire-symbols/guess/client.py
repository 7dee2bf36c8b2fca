# Own wire format: sends "GUESS <n>", reads "+", "-", "=" or "?".
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))

WORDS = {"+": "Go HIGHER", "-": "Go LOWER", "=": "CORRECT, you win!", "?": "Error: that is not a number from 1 to 100"}

s = socket.socket()
s.connect((HOST, PORT))
f = s.makefile("r")
while True:
    try:
        g = input("? ").strip()
    except EOFError:
        break
    s.sendall(("GUESS " + g + "\n").encode())
    r = f.readline().strip()
    if not r:
        break
    print(WORDS.get(r, r))
    if r == "=":
        break
s.close()
