import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))
print("Guess my number from 1 to 100!")

buffer = b""
while True:
    try:
        guess = input("Your guess: ")
    except EOFError:
        break
    sock.sendall((guess.strip() + "\n").encode())
    while b"\n" not in buffer:
        data = sock.recv(1024)
        if not data:
            break
        buffer += data
    if not buffer:
        print("The server closed the connection")
        break
    line, _, buffer = buffer.partition(b"\n")
    reply = line.decode().strip()
    print(reply)
    if reply == "CORRECT":
        print("You win!")
        break

sock.close()
