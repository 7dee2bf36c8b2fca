import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))
try:
    guess = input("Your guess: ")
except EOFError:
    guess = ""
sock.sendall((guess.strip() + "\n").encode())
reply = b""
while b"\n" not in reply:
    data = sock.recv(1024)
    if not data:
        break
    reply += data
print(reply.decode().strip())
sock.close()
