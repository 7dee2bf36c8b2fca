import os
import socket
import sys
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))


def end_chat():
    # input() in the main thread cannot be interrupted, so leave the whole program
    sys.stdout.flush()
    os._exit(0)


def receive_messages(sock):
    reader = sock.makefile("r", encoding="utf-8")
    try:
        for line in reader:
            message = line.strip()
            print("Server:", message)
            if message.upper() == "BYE":
                break
        else:
            print("The server left")
    except ConnectionError:
        print("Connection lost")
    sock.close()
    end_chat()


sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((HOST, PORT))
print("Connected - type BYE to end")

threading.Thread(target=receive_messages, args=(sock,), daemon=True).start()
try:
    while True:
        text = input()
        sock.sendall((text + "\n").encode())
        if text.strip().upper() == "BYE":
            break
except (EOFError, OSError):
    pass
sock.close()
end_chat()
