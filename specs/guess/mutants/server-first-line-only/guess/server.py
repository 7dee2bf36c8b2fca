import os
import random
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))


def play(conn, addr):
    secret = random.randint(1, 100)
    print(addr, "plays, the secret is", secret)
    buffer = b""
    with conn:
        try:
            while True:
                while b"\n" not in buffer:
                    data = conn.recv(1024)
                    if not data:
                        print(addr, "left")
                        return
                    buffer += data
                line, buffer = buffer.split(b"\n", 1)[0], b""  # the rest is dropped
                text = line.decode(errors="replace").strip()
                try:
                    guess = int(text)
                except ValueError:
                    conn.sendall(b"ERROR not a number\n")
                    continue
                if guess < 1 or guess > 100:
                    conn.sendall(b"ERROR the number must be from 1 to 100\n")
                elif guess < secret:
                    conn.sendall(b"HIGHER\n")
                elif guess > secret:
                    conn.sendall(b"LOWER\n")
                else:
                    conn.sendall(b"CORRECT\n")
                    print(addr, "won")
                    return
        except (ConnectionResetError, BrokenPipeError):
            print(addr, "disconnected")


def main():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, PORT))
    server.listen()
    print("Guessing game on port", PORT)
    while True:
        conn, addr = server.accept()
        threading.Thread(target=play, args=(conn, addr), daemon=True).start()


main()
